package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.support.RandomCases;
import fr.cds.remuneration.support.RandomCases.Draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the patient extract's reading and aggregation, on random cases
 * ({@link RandomCases}): the aggregates of any valid extract, whatever its column order, line
 * ends, BOM and quoting, and however it is split into byte ranges, are the counts computed here
 * row by row; one random corruption of one row is refused for the whole file with its line, or
 * rejects that row with a reason (never quoting an identifier), or leaves it unchanged, and the
 * other rows count as before.
 */
class PatientExtractPropertyTest {

	private static final List<String> CENTRES = List.of("750000101", "690000104", "2A0000024", "970400032");

	private static final String[] SCHEMES = { "RG", "MSA", "SLM", "CAMIEG", "ENIM" };

	private static final String[] OTHER_CONTACTS = { "contacts_infirmier", "contacts_chirurgien_dentiste",
			"contacts_sage_femme", "contacts_masseur_kinesitherapeute", "contacts_autre" };

	@TempDir
	Path work;

	/** A generated patient row, by column. */
	record Row(Map<String, String> fields) {

		String get(String column) {
			return this.fields.get(column);
		}

		boolean flag(String column) {
			return get(column).equals("1");
		}

		int contacts(String... columns) {
			int sum = 0;
			for (String column : columns) {
				sum += Integer.parseInt(get(column));
			}
			return sum;
		}

	}

	record Layout(List<String> columns, String lineEnd, boolean bom, boolean quoteAll) {
	}

	/** A change to one row and what it must lead to. */
	enum Corruption {

		APPEND_LETTER(true), BLANK(true), DROP_FIELD(true), EXTRA_FIELD(true), LINE_BREAK(true), C2S_AND_AME(true),
		UNKNOWN_CENTRE(true), DUPLICATE(true), AGE_OVER_120(true),
		/** The same values written otherwise: {@code oui}/{@code NON} for a flag, quotes, spaces around a flag. */
		FLAG_WORDS(false), QUOTED(false),
		/** Nothing after can be split with certainty. */
		BAD_BYTES(false), UNCLOSED_QUOTE(false);

		final boolean rejected;

		Corruption(boolean rejected) {
			this.rejected = rejected;
		}

		boolean refusesFile() {
			return this == BAD_BYTES || this == UNCLOSED_QUOTE;
		}

	}

	record Case(List<Row> rows, Layout layout, int target, Corruption corruption, String field, int ranges) {
	}

	@Test
	void anyValidExtractAggregatesToItsRowByRowCountsHoweverItIsSplit() {
		RandomCases.check(150, 3_000, draw -> new Case(rows(draw), layout(draw), 0, null, null, draw.between(1, 4)), c -> {
			Path file = write(c.rows(), c.layout(), null);
			Folded folded = fold(file, c.ranges());

			assertThat(folded.rejects()).isEmpty();
			assertThat(folded.rowsRead()).isEqualTo(c.rows().size());
			assertThat(folded.accepted()).isEqualTo(c.rows().size());
			assertThat(folded.lines()).as("physical lines of all ranges").isEqualTo(c.rows().size() + 1);
			assertThat(folded.aggregates()).isEqualTo(expected(c.rows()));
			assertThat(folded.duplicates()).isZero();
		});
	}

	@Test
	void aCorruptedRowIsRejectedWithAReasonOrCountedUnchangedAndTheOthersCountAsBefore() {
		RandomCases.check(400, 4_000, draw -> {
			List<Row> rows = rows(draw);
			Corruption corruption = draw.oneOf(Corruption.values());
			if (corruption == Corruption.DUPLICATE && rows.size() < 2) {
				corruption = Corruption.BLANK;
			}
			int target = draw.between(corruption == Corruption.DUPLICATE ? 1 : 0, rows.size() - 1);
			return new Case(rows, layout(draw), target, corruption, draw.oneOf(corruptible(corruption)), 1);
		}, c -> {
			Path file = write(c.rows(), c.layout(), c);
			long line = c.target() + 2;
			if (c.corruption().refusesFile()) {
				assertThatThrownBy(() -> fold(file, 1)).isInstanceOf(InputFileException.class)
					.hasMessageStartingWith("patients.csv:" + line + ":");
				return;
			}
			Folded folded = fold(file, 1);
			List<Row> counted = new ArrayList<>(c.rows());
			if (c.corruption().rejected) {
				counted.remove(c.target());
				assertThat(folded.rejects()).as(c.corruption() + " of " + c.field()).isNotEmpty().allSatisfy(reject -> {
					assertThat(reject.line()).isEqualTo(line);
					assertThat(reject.reason()).isNotBlank();
					for (Row row : c.rows()) {
						assertThat(reject.value()).doesNotContain(row.get("id_patient"));
					}
				});
			}
			else {
				assertThat(folded.rejects()).isEmpty();
			}
			assertThat(folded.rowsRead()).isEqualTo(c.rows().size());
			assertThat(folded.accepted() - folded.duplicates()).isEqualTo(counted.size());
			assertThat(folded.aggregates()).isEqualTo(expected(counted));
		});
	}

	/** What folding gave, duplicates taken out as the job does. */
	record Folded(Map<String, PatientAggregate> aggregates, long rowsRead, long accepted, long lines,
			List<Reject> rejects, long duplicates) {
	}

	private Folded fold(Path file, int ranges) throws IOException {
		KnownCentres centres = new KnownCentres(CENTRES);
		PatientExtractAggregator aggregator = new PatientExtractAggregator(file, InputEncoding.UTF_8);
		List<Reject> rejects = new ArrayList<>();
		Map<String, PatientAggregate> aggregates = new HashMap<>();
		List<FingerprintSpill.Contents> spills = new ArrayList<>();
		Map<Integer, Long> lineOffsets = new HashMap<>();
		long rowsRead = 0;
		long accepted = 0;
		long lines = 0;
		List<ByteRange> split = ByteRange.split(Files.size(file), ranges);
		for (int p = 0; p < split.size(); p++) {
			Path spill = Files.createTempFile(this.work, "p" + p, ".spill");
			PatientExtractAggregator.Result result;
			try (FingerprintSpill.Writer writer = FingerprintSpill.create(spill, p)) {
				long offset = lines;
				result = aggregator.aggregate(split.get(p), centres, reject -> rejects.add(new Reject(reject.file(),
						reject.line() + offset, reject.finess(), reject.field(), reject.value(), reject.reason())),
						ExtractProgress.unwatched(), writer);
			}
			result.aggregates().forEach((finess, aggregate) -> aggregates.merge(finess, aggregate, PatientAggregate::plus));
			spills.add(FingerprintSpill.open(spill, p, result.accepted()).orElseThrow());
			lineOffsets.put(p, lines);
			rowsRead += result.rowsRead();
			accepted += result.accepted();
			lines += result.lines();
		}
		DuplicateRemoval.Result removal = DuplicateRemoval.remove(spills, centres, lineOffsets,
				new DuplicateRowFinder(8, this.work), (p, reject) -> rejects.add(new Reject(reject.file(),
						reject.line() + lineOffsets.get(p), reject.finess(), reject.field(), reject.value(), reject.reason())));
		removal.removed().forEach((finess, removed) -> aggregates.computeIfPresent(finess, (f, a) -> a.minus(removed)));
		aggregates.values().removeIf(a -> a.rows() == 0);
		return new Folded(aggregates, rowsRead, accepted, lines, rejects, removal.rows());
	}

	/** The aggregates of {@code rows}, counted here row by row from the definitions of the populations. */
	private static Map<String, PatientAggregate> expected(List<Row> rows) {
		Map<String, long[][]> counts = new TreeMap<>();
		Map<String, Map<String, Long>> schemes = new TreeMap<>();
		Map<String, Long> rowCounts = new TreeMap<>();
		Map<String, Map<Integer, Long>> medecinTraitant = new TreeMap<>();
		for (Row row : rows) {
			String finess = row.get("finess");
			long[][] byPopulation = counts.computeIfAbsent(finess, f -> new long[Population.values().length][5]);
			boolean mt = row.flag("medecin_traitant");
			int other = row.contacts(OTHER_CONTACTS);
			int all = other + row.contacts("contacts_medecin_generaliste", "contacts_medecin_autre");
			boolean[] in = new boolean[Population.values().length];
			in[Population.MEDECIN_TRAITANT.ordinal()] = mt;
			in[Population.FILE_ACTIVE_EQUIPE.ordinal()] = mt && other > 0;
			in[Population.FILE_ACTIVE.ordinal()] = all > 0;
			// règlement arbitral 2015: the médecin-traitant list and the children 0–16 seen at least
			// twice by a GP, each patient once; the precarity rates' population, at least one GP act
			int generalPractitioner = row.contacts("contacts_medecin_generaliste");
			in[Population.MEDECIN_TRAITANT_ENFANTS.ordinal()] = mt
					|| (Integer.parseInt(row.get("age")) <= 16 && generalPractitioner >= 2);
			in[Population.ACTE_GENERALISTE.ordinal()] = generalPractitioner >= 1;
			for (Population population : Population.values()) {
				if (in[population.ordinal()]) {
					long[] c = byPopulation[population.ordinal()];
					c[0]++;
					c[1] += row.flag("c2s") ? 1 : 0;
					c[2] += row.flag("ame") ? 1 : 0;
					c[3] += row.flag("ald") ? 1 : 0;
					c[4] += row.flag("handicap") ? 1 : 0;
				}
			}
			schemes.computeIfAbsent(finess, f -> new TreeMap<>()).merge(row.get("regime"), 1L, Long::sum);
			rowCounts.merge(finess, 1L, Long::sum);
			Map<Integer, Long> kinds = medecinTraitant.computeIfAbsent(finess, f -> new TreeMap<>());
			if (mt) {
				// the documented kind code: age × 8 + ald × 4 + c2s × 2 + not seen
				int kind = Integer.parseInt(row.get("age")) * 8 + (row.flag("ald") ? 4 : 0) + (row.flag("c2s") ? 2 : 0)
						+ (row.flag("non_vu_2_ans") ? 1 : 0);
				kinds.merge(kind, 1L, Long::sum);
			}
		}
		Map<String, PatientAggregate> expected = new HashMap<>();
		counts.forEach((finess, byPopulation) -> {
			Map<Population, PopulationCounts> populations = new java.util.EnumMap<>(Population.class);
			for (Population population : Population.values()) {
				long[] c = byPopulation[population.ordinal()];
				populations.put(population, new PopulationCounts(c[0], c[1], c[2], c[3], c[4]));
			}
			expected.put(finess, new PatientAggregate(rowCounts.get(finess), populations, schemes.get(finess),
					new MedecinTraitantProfile(medecinTraitant.get(finess))));
		});
		return expected;
	}

	// ---------------------------------------------------------------------------- writing

	private Path write(List<Row> rows, Layout layout, Case corrupted) throws IOException {
		StringWriter text = new StringWriter();
		var format = CsvFormats.INPUT.builder().setRecordSeparator(layout.lineEnd())
			.setQuoteMode(layout.quoteAll() ? org.apache.commons.csv.QuoteMode.ALL : org.apache.commons.csv.QuoteMode.MINIMAL)
			.get();
		try (CSVPrinter printer = new CSVPrinter(text, format)) {
			printer.printRecord(layout.columns());
			for (int i = 0; i < rows.size(); i++) {
				List<String> values = new ArrayList<>();
				for (String column : layout.columns()) {
					values.add(rows.get(i).get(column));
				}
				if (corrupted != null && corrupted.target() == i) {
					corrupt(values, layout.columns(), corrupted, rows);
				}
				printer.printRecord(values);
			}
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		if (corrupted != null && corrupted.corruption().refusesFile()) {
			bytes = atLineStart(bytes, corrupted.target() + 1, corrupted.corruption());
		}
		Path file = Files.createTempFile(this.work, "patients", ".csv");
		byte[] bom = layout.bom() ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF } : new byte[0];
		Files.write(file, bom);
		Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
		return file;
	}

	private static void corrupt(List<String> values, List<String> columns, Case c, List<Row> rows) {
		int index = columns.indexOf(c.field());
		String value = values.get(index);
		switch (c.corruption()) {
			case APPEND_LETTER -> values.set(index, value + "x");
			case BLANK -> values.set(index, "");
			case DROP_FIELD -> values.remove(index);
			case EXTRA_FIELD -> values.add(index, "0");
			case LINE_BREAK -> values.set(index, value + "\n" + value);
			case C2S_AND_AME -> {
				values.set(columns.indexOf("c2s"), "1");
				values.set(columns.indexOf("ame"), "1");
			}
			case UNKNOWN_CENTRE -> values.set(index, "330000993");
			case DUPLICATE -> {
				// the row becomes a copy of an earlier row: same centre, same patient
				Row earlier = rows.get(c.target() - 1);
				for (int i = 0; i < columns.size(); i++) {
					values.set(i, earlier.get(columns.get(i)));
				}
			}
			case AGE_OVER_120 -> values.set(index, "121");
			case FLAG_WORDS -> values.set(index, value.equals("1") ? "OUI" : " non ");
			case QUOTED -> values.set(index, value);
			default -> {
				// applied to the bytes
			}
		}
	}

	/** A byte 0xFF, or a quote never closed (no quote after it), at the start of the given line (0 = header). */
	private static byte[] atLineStart(byte[] bytes, int line, Corruption corruption) {
		int start = 0;
		for (int l = 0; l < line; l++) {
			while (bytes[start] != '\n') {
				start++;
			}
			start++;
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(bytes, 0, start);
		out.write(corruption == Corruption.BAD_BYTES ? 0xFF : '"');
		for (int i = start; i < bytes.length; i++) {
			if (corruption != Corruption.UNCLOSED_QUOTE || bytes[i] != '"') {
				out.write(bytes[i]);
			}
		}
		return out.toByteArray();
	}

	private static List<String> corruptible(Corruption corruption) {
		return switch (corruption) {
			case APPEND_LETTER -> List.of("finess", "medecin_traitant", "age", "ald", "c2s", "ame", "handicap",
					"non_vu_2_ans", "contacts_medecin_generaliste", "contacts_autre");
			case BLANK -> List.of("id_patient", "finess", "medecin_traitant", "age", "regime", "contacts_infirmier");
			case AGE_OVER_120 -> List.of("age");
			case UNKNOWN_CENTRE -> List.of("finess");
			case FLAG_WORDS -> List.of("medecin_traitant", "ald", "c2s", "ame", "handicap", "non_vu_2_ans");
			case LINE_BREAK -> List.of("id_patient", "regime", "age");
			default -> InputFile.PATIENTS.columns();
		};
	}

	// --------------------------------------------------------------------------- generators

	/** One to forty rows; patient identifiers unique within a centre. */
	private static List<Row> rows(Draw draw) {
		int count = draw.between(1, 40);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("id_patient", "PX" + (1000 + i) + draw.digits(3));
			fields.put("finess", draw.oneOf(CENTRES));
			fields.put("medecin_traitant", draw.chance(50) ? "1" : "0");
			fields.put("age", String.valueOf(draw.between(0, 120)));
			boolean c2s = draw.chance(20);
			fields.put("ald", draw.chance(20) ? "1" : "0");
			fields.put("c2s", c2s ? "1" : "0");
			fields.put("ame", !c2s && draw.chance(20) ? "1" : "0");
			fields.put("handicap", draw.chance(10) ? "1" : "0");
			fields.put("non_vu_2_ans", draw.chance(10) ? "1" : "0");
			fields.put("regime", draw.oneOf(SCHEMES));
			for (String column : InputFile.PATIENTS.columns()) {
				if (column.startsWith("contacts_")) {
					fields.put(column, String.valueOf(draw.chance(60) ? 0 : draw.between(1, 10_000)));
				}
			}
			rows.add(new Row(fields));
		}
		return rows;
	}

	private static Layout layout(Draw draw) {
		List<String> columns = InputFile.PATIENTS.columns();
		return new Layout(draw.chance(30) ? columns : draw.shuffled(columns), draw.oneOf("\n", "\r\n"), draw.chance(30),
				draw.chance(20));
	}

}
