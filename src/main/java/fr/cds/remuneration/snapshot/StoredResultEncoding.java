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
 * How a centre's result is stored in {@code CENTRE_RESULT}: its JSON ({@link SnapshotJson}, the same
 * document as ever), deflated and written in Base64 in {@code RESULT_PACKED} (migration {@code V36_1}).
 * Issue 21: the plain JSON, 29 KB a centre, made H2 write, cache and read back 87 MB of text for the
 * national run (and hash it, as UTF-16 strings); deflated it is about a fifth. Base64 keeps the
 * column a text column on every database (H2, PostgreSQL). Rows stored before hold the plain JSON
 * in {@code RESULT_JSON} and no packed value: {@link #read(ResultSet, int)} reads both forms.
 */
public final class StoredResultEncoding {

	/**
	 * The three columns to select, in this order, for {@link #read(ResultSet, int)}: the FINESS names
	 * the centre when its stored result cannot be read.
	 */
	public static final String COLUMNS = "FINESS, RESULT_JSON, RESULT_PACKED";

	private StoredResultEncoding() {
	}

	/**
	 * One deflater and one inflater per thread, reset between results: making them anew (zlib's
	 * state, its window) cost as much as compressing a result.
	 */
	private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal
		.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

	private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

	/** The packed form of {@code result}: its JSON, deflated, in Base64. */
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
		return new Stored(rs.getString(column), rs.getString(column + 1), rs.getString(column + 2));
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
	 * @param packed the packed value ({@link #pack}), or {@code null} in a row stored before
	 */
	public record Stored(String finess, String json, String packed) {

		public Stored(String json, String packed) {
			this(null, json, packed);
		}

		/**
		 * The result; a value that cannot be read (damaged in the database, cut short) is refused with
		 * the centre's FINESS and the column, so that an operator knows which row to look at.
		 */
		public CentreResult decode() {
			String column = this.packed != null ? "RESULT_PACKED" : "RESULT_JSON";
			try {
				if (this.packed == null && this.json == null) {
					throw new IllegalStateException("ni RESULT_PACKED ni RESULT_JSON");
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
