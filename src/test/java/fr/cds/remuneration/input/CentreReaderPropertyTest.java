package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.support.RandomCases;
import fr.cds.remuneration.support.RandomCases.Draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the centres.csv reader (the {@link CsvFileReader} and the
 * {@link CentreRowValidator} the job uses), checked on random cases ({@link RandomCases}): any
 * valid file, whatever its column order, line ends, BOM and quoting, reads back exactly as
 * written; one random corruption of one row is either refused for the whole file with its line,
 * or rejected on that row with a reason, or (for a harmless one) accepted unchanged, and never
 * costs another row.
 */
class CentreReaderPropertyTest {

	private static final RegionTable REGIONS = RegionTable.load();

	private static final String[] DEPARTEMENTS = { "01", "13", "2A", "2B", "33", "59", "69", "75", "971", "972",
			"974", "976" };

	/** What the test generated for one row, to compare with what the reader accepted. */
	record Row(String finess, String name, CentreType type, String departement, LocalDate adhesion,
			LocalDate opening, LocalDate closing, Zone zone, Map<Profession, BigDecimal> fte) {

		/** The row's fields by column. */
		Map<String, String> fields() {
			Map<String, String> fields = new java.util.HashMap<>();
			fields.put("finess", this.finess);
			fields.put("raison_sociale", this.name);
			fields.put("type", this.type.fileValue());
			fields.put("departement", this.departement);
			fields.put("date_adhesion", this.adhesion.toString());
			fields.put("date_ouverture", this.opening.toString());
			fields.put("date_fermeture", this.closing == null ? "" : this.closing.toString());
			fields.put("zone", this.zone.name());
			this.fte.forEach((p, v) -> fields.put(InputFile.FTE_PREFIX + p.column(), v.toPlainString()));
			return fields;
		}

	}

	/** How a file is laid out: column order, line ends, BOM. */
	record Layout(List<String> columns, String lineEnd, boolean bom) {
	}

	/** A generated file: its rows, its layout, and the one change made to one of its rows. */
	record Case(List<Row> rows, Layout layout, Change change) {
	}

	@Test
	void validRowsReadBackAsWritten() {
		RandomCases.check(200, 1_000, draw -> new Case(rows(draw), layout(draw), null), c -> {
			List<Validated<Centre>> read = read(write(c.rows(), c.layout(), List.of()));

			assertThat(read).hasSize(c.rows().size()).allMatch(Validated::isAccepted);
			for (int i = 0; i < c.rows().size(); i++) {
				assertSame(read.get(i).value(), c.rows().get(i));
				assertThat(read.get(i).line()).isEqualTo(i + 2);
			}
		});
	}

	/** A change to one field of one row, and what it must lead to. */
	enum Corruption {

		/** A letter after a code, a date or a number: no longer valid. */
		APPEND_LETTER(Outcome.REJECTED), BLANK(Outcome.REJECTED), NEGATIVE_FTE(Outcome.REJECTED),
		ABSURD_FTE(Outcome.REJECTED), DROP_FIELD(Outcome.REJECTED), EXTRA_FIELD(Outcome.REJECTED),
		LINE_BREAK(Outcome.REJECTED), DATE_AFTER_EXERCICE(Outcome.REJECTED),
		/** Spaces around a value, another case for the type, a decimal comma: the same value. */
		SPACES(Outcome.UNCHANGED), TYPE_CASE(Outcome.UNCHANGED), DECIMAL_COMMA(Outcome.UNCHANGED),
		/** Bytes that are neither UTF-8 nor text, an unclosed quote: nothing after can be trusted. */
		BAD_BYTES(Outcome.FILE_REFUSED), UNCLOSED_QUOTE(Outcome.FILE_REFUSED);

		final Outcome outcome;

		Corruption(Outcome outcome) {
			this.outcome = outcome;
		}

	}

	enum Outcome {

		REJECTED, UNCHANGED, FILE_REFUSED

	}

	@Test
	void aCorruptedRowIsRejectedWithAReasonOrReadUnchangedAndCostsNoOtherRow() {
		RandomCases.check(500, 2_000, draw -> {
			List<Row> rows = rows(draw);
			Corruption corruption = draw.oneOf(Corruption.values());
			return new Case(rows, layout(draw),
					new Change(draw.between(0, rows.size() - 1), draw.oneOf(corruptible(corruption)), corruption));
		}, CentreReaderPropertyTest::checkCorrupted);
	}

	private static void checkCorrupted(Case c) throws IOException {
		List<Row> rows = c.rows();
		int target = c.change().row();
		Corruption corruption = c.change().corruption();
		String field = c.change().field();
		Path file = write(rows, c.layout(), List.of(c.change()));
		long line = target + 2;

		if (corruption.outcome == Outcome.FILE_REFUSED) {
			assertThatThrownBy(() -> read(file)).isInstanceOf(InputFileException.class)
				.hasMessageStartingWith("centres.csv:" + line + ":");
			return;
		}
		List<Validated<Centre>> read = read(file);
		assertThat(read).as("every row read is accepted or rejected").hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Validated<Centre> row = read.get(i);
			long expectedLine = i + 2 + (corruption == Corruption.LINE_BREAK && i > target ? 1 : 0);
			assertThat(row.line()).isEqualTo(expectedLine);
			if (i == target && corruption.outcome == Outcome.REJECTED) {
				assertThat(row.isAccepted()).as(corruption + " of " + field).isFalse();
				assertThat(row.rejects()).isNotEmpty().allSatisfy(reject -> {
					assertThat(reject.line()).isEqualTo(expectedLine);
					assertThat(reject.reason()).isNotBlank();
				});
				assertThat(row.rejects()).extracting(Reject::field).containsAnyOf(field, "*");
			}
			else {
				assertThat(row.isAccepted()).as("row " + i + ": " + row.rejects()).isTrue();
				assertSame(row.value(), rows.get(i));
			}
		}
	}

	/** The columns a corruption can apply to. */
	private static List<String> corruptible(Corruption corruption) {
		List<String> fte = new ArrayList<>();
		for (Profession profession : Profession.values()) {
			fte.add(InputFile.FTE_PREFIX + profession.column());
		}
		return switch (corruption) {
			case APPEND_LETTER -> List.of("finess", "type", "departement", "date_adhesion", "date_ouverture", "zone",
					fte.get(0), fte.get(4));
			case BLANK -> List.of("finess", "raison_sociale", "type", "departement", "date_adhesion", "date_ouverture",
					"zone");
			case NEGATIVE_FTE, ABSURD_FTE, DECIMAL_COMMA -> fte;
			case DATE_AFTER_EXERCICE -> List.of("date_adhesion", "date_ouverture");
			case TYPE_CASE -> List.of("type");
			default -> List.of("finess", "raison_sociale", "departement", "zone", "date_adhesion");
		};
	}

	record Change(int row, String field, Corruption corruption) {
	}

	private static Path write(List<Row> rows, Layout layout, List<Change> changes) throws IOException {
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CsvFormats.INPUT.builder().setRecordSeparator(layout.lineEnd()).get())) {
			printer.printRecord(layout.columns());
			for (int i = 0; i < rows.size(); i++) {
				Map<String, String> fields = rows.get(i).fields();
				List<String> values = new ArrayList<>();
				for (String column : layout.columns()) {
					values.add(fields.get(column));
				}
				for (Change change : changes) {
					if (change.row() == i) {
						corrupt(values, layout.columns().indexOf(change.field()), change.corruption());
					}
				}
				printer.printRecord(values);
			}
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		for (Change change : changes) {
			if (change.corruption() == Corruption.BAD_BYTES || change.corruption() == Corruption.UNCLOSED_QUOTE) {
				bytes = rawCorruption(bytes, change, layout);
			}
		}
		Path file = Files.createTempFile("centres", ".csv");
		file.toFile().deleteOnExit();
		if (layout.bom()) {
			Files.write(file, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
		}
		else {
			Files.write(file, bytes);
		}
		return file;
	}

	private static void corrupt(List<String> values, int index, Corruption corruption) {
		String value = values.get(index);
		switch (corruption) {
			case APPEND_LETTER -> values.set(index, value + "x");
			case BLANK -> values.set(index, "");
			case NEGATIVE_FTE -> values.set(index, "-1");
			case ABSURD_FTE -> values.set(index, "300.01");
			case DROP_FIELD -> values.remove(index);
			case EXTRA_FIELD -> values.add(index, "0");
			case LINE_BREAK -> values.set(index, value + "\n" + value);
			case DATE_AFTER_EXERCICE -> values.set(index, "2025-01-01");
			case SPACES -> values.set(index, "  " + value + " ");
			case TYPE_CASE -> values.set(index, CentreType.fromFileValue(value).orElseThrow().label().toUpperCase());
			case DECIMAL_COMMA -> values.set(index, value.replace('.', ','));
			default -> {
				// raw corruptions are applied to the bytes
			}
		}
	}

	/** Puts a byte 0xFF, or a quote that never closes, at the start of the row's line. */
	private static byte[] rawCorruption(byte[] bytes, Change change, Layout layout) {
		int lineStart = 0;
		for (int line = 0; line <= change.row(); line++) {
			lineStart = indexOf(bytes, (byte) '\n', lineStart) + 1;
		}
		List<Byte> result = new ArrayList<>();
		for (int i = 0; i < bytes.length; i++) {
			if (i == lineStart) {
				if (change.corruption() == Corruption.BAD_BYTES) {
					result.add((byte) 0xFF);
				}
				else {
					result.add((byte) '"');
				}
			}
			// the unclosed quote must not be closed by a later one: the rest of the file loses its quotes
			if (change.corruption() == Corruption.UNCLOSED_QUOTE && i >= lineStart && bytes[i] == '"') {
				continue;
			}
			result.add(bytes[i]);
		}
		byte[] out = new byte[result.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = result.get(i);
		}
		return out;
	}

	private static int indexOf(byte[] bytes, byte b, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		throw new IllegalStateException("line not found");
	}

	/** Reads a centres.csv as the job does: reader, then validator, row by row. */
	static List<Validated<Centre>> read(Path file) {
		return ValidatedFile.read(file, InputFile.CENTRES,
				new CentreRowValidator(2024, REGIONS, InputLimits.defaults(), Set.of()));
	}

	private static void assertSame(Centre centre, Row row) {
		assertThat(centre.finess().value()).isEqualTo(row.finess());
		assertThat(centre.name()).isEqualTo(row.name());
		assertThat(centre.type()).isEqualTo(row.type());
		assertThat(centre.region().departement()).isEqualTo(row.departement());
		assertThat(centre.adhesion()).isEqualTo(row.adhesion());
		assertThat(centre.opening()).isEqualTo(row.opening());
		assertThat(centre.closing()).isEqualTo(row.closing());
		assertThat(centre.zone()).isEqualTo(row.zone());
		for (Profession profession : Profession.values()) {
			assertThat(centre.staff().of(profession)).as(profession.column()).isEqualByComparingTo(row.fte().get(profession));
		}
	}

	// --------------------------------------------------------------------------- generators

	/** One to twelve rows of distinct FINESS. */
	static List<Row> rows(Draw draw) {
		int count = draw.between(1, 12);
		Map<String, Row> rows = new java.util.LinkedHashMap<>();
		while (rows.size() < count) {
			Row row = row(draw);
			rows.putIfAbsent(row.finess(), row);
		}
		return List.copyOf(rows.values());
	}

	static Layout layout(Draw draw) {
		List<String> columns = InputFile.CENTRES.columns();
		return new Layout(draw.chance(30) ? columns : draw.shuffled(columns), draw.oneOf("\n", "\r\n"), draw.chance(30));
	}

	private static Row row(Draw draw) {
		String departement = draw.oneOf(DEPARTEMENTS);
		// the register numbers overseas départements 971..976 as 9701..9706; the ninth character is the key
		String prefix = departement.length() == 3 ? "970" + departement.charAt(2) : departement;
		String finess = Finess.withKey(prefix + draw.digits(8 - prefix.length())).value();
		LocalDate adhesion = draw.date(LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));
		LocalDate opening = draw.date(LocalDate.of(1990, 1, 1), LocalDate.of(2024, 12, 31));
		LocalDate closing = draw.chance(30) ? draw.date(latest(adhesion, opening, LocalDate.of(2024, 1, 1)),
				LocalDate.of(2030, 12, 31)) : null;
		Map<Profession, BigDecimal> fte = new EnumMap<>(Profession.class);
		for (Profession profession : Profession.values()) {
			fte.put(profession, draw.chance(40) ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(draw.between(0, 30_000), 2));
		}
		return new Row(finess, name(draw), draw.oneOf(CentreType.values()), departement, adhesion, opening, closing,
				draw.oneOf(Zone.values()), Collections.unmodifiableMap(fte));
	}

	/** Names with accents, quotes, separators and formula characters, never blank at either end. */
	private static String name(Draw draw) {
		String name;
		do {
			name = draw.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâçéèêëîïôœùûüÉÈÀ ;\"',=+-@<>&%#€()/", 40);
		}
		while (name.isBlank() || !name.equals(name.strip()));
		return name;
	}

	private static LocalDate latest(LocalDate... dates) {
		LocalDate latest = dates[0];
		for (LocalDate date : dates) {
			latest = date.isAfter(latest) ? date : latest;
		}
		return latest;
	}

}
