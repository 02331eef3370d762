package fr.cds.remuneration.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.support.RandomCases;
import fr.cds.remuneration.support.RandomCases.Draw;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte reader of the patient extract's plain rows ({@link PlainRowReader}) against Commons CSV,
 * the reference: on random extracts mixing plain rows with hostile ones (quotes, quoted line
 * breaks, bytes of other encodings or of none, control characters, lone CRs, empty lines, byte
 * order marks inside the file, spaces around codes, missing or extra fields, a last line without
 * its end), split into one to five ranges, in both encodings, the fold with the byte reader gives
 * exactly what the fold with Commons CSV alone gives: every reject (file, line, centre, field,
 * value, reason), every accepted row passed to the duplicate search (fingerprint, centre, line,
 * scheme, contribution), the scheme dictionary, the aggregates, the counts, the lines, the range and
 * its SHA-256 — or, for a file refused, the same exception and message.
 */
class PlainRowReaderTest {

	private static final List<String> CENTRES = List.of("750000101", "690000104", "2A0000024", "970400032");

	private static final String HEADER = String.join(";", InputFile.PATIENTS.columns());

	@TempDir
	Path work;

	@Test
	void theByteReaderFoldsEveryExtractAsCommonsCsvDoes() {
		RandomCases.check(600, 21_000, PlainRowReaderTest::extract, bytes -> {
			for (InputEncoding encoding : InputEncoding.values()) {
				Path file = Files.createTempFile(this.work, "patients", ".csv");
				Files.write(file, bytes);
				for (int ranges = 1; ranges <= 5; ranges += 2) {
					same(fold(file, encoding, ranges, true, CENTRES), fold(file, encoding, ranges, false, CENTRES),
							encoding + ", " + ranges + " range(s) of\n" + new String(bytes, StandardCharsets.ISO_8859_1));
				}
			}
		});
	}

	@Test
	void theSampleExtractFoldsAsWithCommonsCsv() throws Exception {
		Path file = Path.of("input-samples", "patients.csv");
		List<String> centres = Files.readAllLines(Path.of("input-samples", "centres.csv")).stream().skip(1)
			.map(line -> line.substring(0, line.indexOf(';'))).toList();
		for (int ranges = 1; ranges <= 3; ranges++) {
			Folded plain = fold(file, InputEncoding.UTF_8, ranges, true, centres);
			same(plain, fold(file, InputEncoding.UTF_8, ranges, false, centres), ranges + " range(s)");
			assertThat(plain.accepted()).hasSizeGreaterThan(1_000);
		}
	}

	/**
	 * Three bytes that spell a byte order mark at the start of a row in the middle of the file are
	 * that row's content, whether or not a partition starts on that row: the row is accepted or
	 * rejected the same way however many partitions the run uses (a range that did not start the
	 * file once skipped them as a mark when its first row was not plain).
	 */
	@Test
	void aByteOrderMarkInsideTheFileIsReadTheSameWhereverThePartitionsAreCut() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("input-samples", "patients.csv"), StandardCharsets.UTF_8);
		List<String> centres = Files.readAllLines(Path.of("input-samples", "centres.csv")).stream().skip(1)
			.map(line -> line.substring(0, line.indexOf(';'))).toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, lines.get(0).replace("\uFEFF", "") + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n");
		long cut = out.size();
		write(out, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		write(out, lines.get(3) + "\n" + lines.get(4) + "\n");
		Path file = Files.write(this.work.resolve("bom-inside.csv"), out.toByteArray());
		for (boolean plainRows : new boolean[] { true, false }) {
			List<String> whole = counts(file, List.of(new ByteRange(0, Files.size(file))), plainRows, centres);
			List<String> split = counts(file, List.of(new ByteRange(0, cut), new ByteRange(cut, Files.size(file))),
					plainRows, centres);
			assertThat(whole.get(0)).as("rows read, accepted, rejected in one range").startsWith("4/");
			assertThat(split).as("the same rows and patients' fingerprints, cut where the mark stands (plain rows %s)",
					plainRows).isEqualTo(whole);
		}
	}

	/** Rows read/accepted/rejected, then the accepted rows' patient fingerprints and centres, sorted. */
	private static List<String> counts(Path file, List<ByteRange> ranges, boolean plainRows, List<String> known)
			throws Exception {
		List<String> patients = new ArrayList<>();
		PatientExtractAggregator aggregator = new PatientExtractAggregator(file, InputEncoding.UTF_8);
		long read = 0;
		long accepted = 0;
		long rejected = 0;
		for (ByteRange range : ranges) {
			PatientExtractAggregator.Result result = aggregator.aggregate(range, new KnownCentres(known), reject -> {
			}, ExtractProgress.unwatched(), new AcceptedRowSink() {

				@Override
				public void accepted(long idHash, int centre, long line, int scheme, int contribution) {
					patients.add(idHash + "@" + centre);
				}

				@Override
				public void end(List<String> schemes) {
				}

			}, plainRows);
			read += result.rowsRead();
			accepted += result.accepted();
			rejected += result.rejected();
		}
		List<String> counts = new ArrayList<>(List.of(read + "/" + accepted + "/" + rejected));
		patients.stream().sorted().forEach(counts::add);
		return counts;
	}

	/** Compares part by part, naming the first difference rather than printing thousands of rows. */
	private static void same(Folded actual, Folded expected, String what) {
		assertThat(actual.refused()).as("refused, " + what).isEqualTo(expected.refused());
		assertThat(actual.results()).as("results, " + what).hasSameSizeAs(expected.results());
		for (int i = 0; i < actual.results().size(); i++) {
			PatientExtractAggregator.Result a = actual.results().get(i);
			PatientExtractAggregator.Result e = expected.results().get(i);
			assertThat(List.of(a.rowsRead(), a.accepted(), a.rejected(), a.lines(), a.bytesRead(), a.sha256()))
				.as("counts of range " + i + ", " + what)
				.isEqualTo(List.of(e.rowsRead(), e.accepted(), e.rejected(), e.lines(), e.bytesRead(), e.sha256()));
			assertThat(a.aggregates()).as("aggregates of range " + i + ", " + what).isEqualTo(e.aggregates());
		}
		for (int i = 0; i < Math.max(actual.rejects().size(), expected.rejects().size()); i++) {
			assertThat(i < actual.rejects().size() ? actual.rejects().get(i) : null).as("reject " + i + ", " + what)
				.isEqualTo(i < expected.rejects().size() ? expected.rejects().get(i) : null);
		}
		for (int i = 0; i < Math.max(actual.accepted().size(), expected.accepted().size()); i++) {
			assertThat(i < actual.accepted().size() ? actual.accepted().get(i) : null).as("accepted row " + i + ", " + what)
				.isEqualTo(i < expected.accepted().size() ? expected.accepted().get(i) : null);
		}
	}

	/** What folding every range gave, or the exception that refused the file. */
	record Folded(List<PatientExtractAggregator.Result> results, List<Reject> rejects, List<String> accepted, String refused) {
	}

	private static Folded fold(Path file, InputEncoding encoding, int ranges, boolean plainRows, List<String> known)
			throws Exception {
		KnownCentres centres = new KnownCentres(known);
		PatientExtractAggregator aggregator = new PatientExtractAggregator(file, encoding);
		List<PatientExtractAggregator.Result> results = new ArrayList<>();
		List<Reject> rejects = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		try {
			for (ByteRange range : ByteRange.split(Files.size(file), ranges)) {
				AcceptedRowSink sink = new AcceptedRowSink() {

					@Override
					public void accepted(long idHash, int centre, long line, int scheme, int contribution) {
						accepted.add(idHash + "/" + centre + "/" + line + "/" + scheme + "/" + contribution);
					}

					@Override
					public void end(List<String> schemes) {
						accepted.add("end " + schemes);
					}

				};
				results.add(aggregator.aggregate(range, centres, rejects::add, ExtractProgress.unwatched(), sink, plainRows));
			}
			return new Folded(results, rejects, accepted, null);
		}
		catch (RuntimeException ex) {
			return new Folded(results, rejects, accepted, ex.getClass().getName() + ": " + ex.getMessage());
		}
	}

	// --------------------------------------------------------------------------- generator

	private static byte[] extract(Draw draw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (draw.chance(15)) {
			write(out, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		String lineEnd = draw.oneOf("\n", "\r\n");
		write(out, (draw.chance(5) ? "\"id_patient\";" + HEADER.substring("id_patient;".length()) : HEADER) + lineEnd);
		int rows = draw.between(0, 60);
		String centre = draw.oneOf(CENTRES);
		for (int i = 0; i < rows; i++) {
			if (draw.chance(20)) {
				centre = draw.oneOf(CENTRES);
			}
			List<String> cells = new ArrayList<>(List.of("P" + draw.digits(draw.chance(3) ? 40 : 6),
					draw.chance(5) ? "330000993" : centre, flag(draw), String.valueOf(draw.between(0, 130)), flag(draw),
					flag(draw), flag(draw), flag(draw), flag(draw), draw.oneOf("RG", "MSA", "SLM", "CAMIEG", "ENIM"),
					number(draw), number(draw), number(draw), number(draw), number(draw), number(draw), number(draw)));
			if (draw.chance(25)) {
				hostile(draw, cells);
			}
			if (draw.chance(4) && i > 0) {
				// a duplicate: same patient and centre as an earlier row
				cells.set(0, "P000000");
			}
			String line = String.join(";", cells);
			byte[] bytes = draw.chance(3) ? latin1Or(draw, line) : line.getBytes(StandardCharsets.UTF_8);
			write(out, bytes);
			if (i < rows - 1 || !draw.chance(30)) {
				write(out, draw.chance(3) ? draw.oneOf("\r", "\n\n", "\r\n\r\n", lineEnd + "   " + lineEnd) : lineEnd);
			}
		}
		return out.toByteArray();
	}

	private static void hostile(Draw draw, List<String> cells) {
		int column = draw.between(0, cells.size() - 1);
		String value = cells.get(column);
		switch (draw.between(0, 13)) {
			case 0 -> cells.set(column, "\"" + value + "\"");
			case 1 -> cells.set(column, "\"" + value + "\n" + value + "\"");
			case 2 -> cells.set(column, value + "é");
			case 3 -> cells.set(column, " " + value + " ");
			case 4 -> cells.set(column, value + "\t");
			case 5 -> cells.remove(column);
			case 6 -> cells.add(column, "0");
			case 7 -> cells.set(column, "");
			case 8 -> cells.set(column, value + "\r" + value);
			case 9 -> cells.set(column, "\uFEFF" + value);
			case 10 -> cells.set(column, "\"" + value);
			case 11 -> cells.set(column, value.toLowerCase() + "\"x");
			case 12 -> cells.set(column, draw.oneOf("oui", "NON", "rg", " RG", "  "));
			default -> cells.set(column, value + "\u0000");
		}
	}

	/** The line in Windows-1252 (é is one byte 0xE9, undecodable in UTF-8), or with a stray 0xFF byte. */
	private static byte[] latin1Or(Draw draw, String line) {
		if (draw.chance(50)) {
			return (line + "é").getBytes(StandardCharsets.ISO_8859_1);
		}
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		bytes[draw.between(0, bytes.length - 1)] = (byte) 0xFF;
		return bytes;
	}

	private static String flag(Draw draw) {
		return draw.chance(40) ? "1" : "0";
	}

	private static String number(Draw draw) {
		return String.valueOf(draw.chance(60) ? 0 : draw.between(1, 12));
	}

	private static void write(ByteArrayOutputStream out, String text) {
		write(out, text.getBytes(StandardCharsets.UTF_8));
	}

	private static void write(ByteArrayOutputStream out, byte[] bytes) {
		out.write(bytes, 0, bytes.length);
	}

}
