package fr.cds.remuneration.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import fr.cds.remuneration.engine.CentreResult;

/**
 * How a centre's result is stored in {@code CENTRE_RESULT}. This code writes its binary form
 * ({@link RecordBinary}: self-describing, the component names once per result, strings written once)
 * in {@code RESULT_BIN} (migration {@code V37_1}, a binary column on H2 and PostgreSQL). Rows of
 * earlier runs keep the forms they were written in, and every reader reads the three
 * ({@link Stored#decode}):
 * <ul>
 * <li>{@code RESULT_PACKED} (runs from {@code V36_1} on): the JSON ({@link SnapshotJson}) deflated, in
 * Base64;</li>
 * <li>{@code RESULT_JSON} (runs before): the plain JSON.</li>
 * </ul>
 * Issue 21: writing and reading the JSON took about 27 % of the compute step's CPU and 29 % of the
 * statements step's; the binary form costs a small fraction of that (docs/scale.md) and is about as
 * small as the deflated JSON.
 */
public final class StoredResultEncoding {

	/**
	 * The columns to select, in this order, for {@link #read(ResultSet, int)}: the FINESS names
	 * the centre when its stored result cannot be read.
	 */
	public static final String COLUMNS = "FINESS, RESULT_JSON, RESULT_PACKED, RESULT_BIN";

	/** How many columns {@link #COLUMNS} names: where the next selected column starts after them. */
	public static final int COLUMN_COUNT = COLUMNS.split(",").length;

	/** {@link #COLUMNS} of the table aliased {@code alias} in a query that joins two results. */
	public static String columns(String alias) {
		return java.util.Arrays.stream(COLUMNS.split(","))
			.map(column -> alias + "." + column.trim())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private StoredResultEncoding() {
	}

	/**
	 * One deflater and one inflater per thread, reset between results: making them anew (zlib's
	 * state, its window) cost as much as compressing a result.
	 */
	private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal
		.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

	private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

	/** The form this code stores {@code result} in ({@code RESULT_BIN}). */
	public static byte[] encode(CentreResult result) {
		return RecordBinary.write(result);
	}

	/**
	 * The form of {@code RESULT_PACKED} (runs from {@code V36_1} to {@code V37_1}): the result's JSON,
	 * deflated, in Base64. No longer written by the runs; kept to make rows of that form (tests).
	 */
	public static String pack(CentreResult result) {
		byte[] json = SnapshotJson.writeBytes(result);
		// the fastest level: it keeps most of the gain (5.4× on a sample result, 6.5× at level 6)
		Deflater deflater = DEFLATER.get();
		deflater.reset();
		deflater.setInput(json);
		deflater.finish();
		byte[] out = new byte[json.length / 4 + 64];
		int length = 0;
		while (!deflater.finished()) {
			if (length == out.length) {
				out = Arrays.copyOf(out, out.length * 2);
			}
			length += deflater.deflate(out, length, out.length - length);
		}
		return Base64.getEncoder().encodeToString(Arrays.copyOf(out, length));
	}

	/** The result of a packed value ({@link #pack}). */
	public static CentreResult unpack(String packed) {
		byte[] deflated;
		try {
			deflated = Base64.getDecoder().decode(packed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("valeur qui n'est pas du Base64 (" + ex.getMessage() + ")", ex);
		}
		Inflater inflater = INFLATER.get();
		inflater.reset();
		inflater.setInput(deflated);
		byte[] json = new byte[deflated.length * 8 + 64];
		int length = 0;
		try {
			while (!inflater.finished()) {
				if (length == json.length) {
					json = Arrays.copyOf(json, json.length * 2);
				}
				int inflated = inflater.inflate(json, length, json.length - length);
				if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalStateException("valeur tronquée");
				}
				length += inflated;
			}
		}
		catch (DataFormatException e) {
			throw new IllegalStateException("valeur qui n'est pas un résultat compressé (" + e.getMessage() + ")", e);
		}
		return SnapshotJson.read(json, length, CentreResult.class);
	}

	/** The stored form of the row's result, {@link #COLUMNS} from {@code column} on, not yet decoded. */
	public static Stored stored(ResultSet rs, int column) throws SQLException {
		return new Stored(rs.getString(column), rs.getString(column + 1), rs.getString(column + 2), rs.getBytes(column + 3));
	}

	/** The row's result, {@link #COLUMNS} from {@code column} on, in whichever form it was stored. */
	public static CentreResult read(ResultSet rs, int column) throws SQLException {
		return stored(rs, column).decode();
	}

	/**
	 * A result as a row holds it, read but not decoded (the statements step decodes on its rendering
	 * threads, not on the reading one).
	 *
	 * @param finess the centre's FINESS (named when the result cannot be read), or {@code null}
	 * @param json the plain JSON of a row stored before {@code RESULT_PACKED}, or {@code null}
	 * @param packed the packed JSON ({@link #pack}) of a row stored from {@code V36_1} to {@code V37_1}, or {@code null}
	 * @param binary the binary form ({@link #encode}) of a row stored by this code, or {@code null}
	 */
	public record Stored(String finess, String json, String packed, byte[] binary) {

		public Stored(String json, String packed) {
			this(null, json, packed, null);
		}

		public Stored(byte[] binary) {
			this(null, null, null, binary);
		}

		/**
		 * The result; a value that cannot be read (damaged in the database, cut short) is refused with
		 * the centre's FINESS and the column, so that an operator knows which row to look at.
		 */
		public CentreResult decode() {
			String column = this.binary != null ? "RESULT_BIN" : this.packed != null ? "RESULT_PACKED" : "RESULT_JSON";
			try {
				if (this.binary != null) {
					return RecordBinary.read(this.binary, CentreResult.class);
				}
				if (this.packed == null && this.json == null) {
					throw new IllegalStateException("ni RESULT_BIN, ni RESULT_PACKED, ni RESULT_JSON");
				}
				return this.packed != null ? unpack(this.packed) : SnapshotJson.read(this.json, CentreResult.class);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("résultat stocké du centre " + (this.finess == null ? "(FINESS inconnu)" : this.finess)
						+ " illisible (colonne " + column + " de CENTRE_RESULT) : " + ex.getMessage(), ex);
			}
		}

	}

}
