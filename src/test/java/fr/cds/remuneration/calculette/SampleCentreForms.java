package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.cli.CommandLineEntry;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a centre manager would type in the calculette for each centre of an input directory (the
 * README's {@code input-samples}): its row of centres.csv, its answers of declarations.csv, and
 * its patient counts folded from patients.csv here, by this test's own reading of the file's
 * columns (not by the application's aggregator). The rows that the annual run rejected (listed in
 * its rejects.csv) are left out, as the run leaves them out: a manager would not type them.
 */
final class SampleCentreForms {

	private static final List<String> PHYSICIANS = List.of("contacts_medecin_generaliste", "contacts_medecin_autre");

	private static final List<String> OTHERS = List.of("contacts_infirmier", "contacts_chirurgien_dentiste",
			"contacts_sage_femme", "contacts_masseur_kinesitherapeute", "contacts_autre");

	/** The README's sample inputs. */
	static final Path SAMPLES = Path.of("input-samples");

	private final Map<String, Map<String, String>> forms = new LinkedHashMap<>();

	private final Path output;

	private final Map<String, Map<String, Long>> medecinTraitant = new HashMap<>();

	private final Map<String, List<Map<String, String>>> contracts = new HashMap<>();

	private SampleCentreForms(Path output) {
		this.output = output;
	}

	/**
	 * Runs the README's annual run (exercice 2024 on {@code input-samples}) with its outputs in
	 * {@code output}, and reads what the managers of its centres would type.
	 */
	static SampleCentreForms afterTheReadmeRun(CommandLineEntry cli, Path output) {
		CommandLineRun run = CommandLineRun.of(cli, "run", "--exercice", "2024", "--input", SAMPLES.toString(),
				"--output", output.toString(), "--extraction-date", "2025-02-14");
		assertThat(run.exitCode()).as(run.err()).isZero();
		return read(SAMPLES, output, 2024);
	}

	/** The total of the centre's statement written by the run. */
	BigDecimal statementTotal(String finess) {
		return CsvFiles.statementTotal(this.output.resolve("2024/statements/" + finess + ".csv"));
	}

	/** The form values of every centre of {@code input}, by FINESS, in the file's order. */
	private static SampleCentreForms read(Path input, Path output, int exercice) {
		Set<String> rejected = new HashSet<>();
		List<List<String>> rejects = CsvFiles.rows(output.resolve(exercice + "/rejects.csv"));
		for (List<String> row : rejects.subList(1, rejects.size())) {
			rejected.add(row.get(0) + ":" + row.get(1));
		}
		SampleCentreForms samples = new SampleCentreForms(output);
		for (Map<String, String> centre : records(input.resolve("centres.csv"), "centres.csv", rejected)) {
			Map<String, String> form = new HashMap<>(centre);
			form.put("exercice", String.valueOf(exercice));
			form.put("type", centre.get("type"));
			samples.forms.put(centre.get("finess"), form);
		}
		for (Map<String, String> answer : records(input.resolve("declarations.csv"), "declarations.csv", rejected)) {
			samples.forms.get(answer.get("finess")).put(answer.get("indicateur"), answer.get("valeur"));
		}
		for (Map<String, String> contract : records(input.resolve("contracts.csv"), "contracts.csv", rejected)) {
			List<Map<String, String>> contracts = samples.contracts.computeIfAbsent(contract.get("finess"),
					f -> new ArrayList<>());
			Map<String, String> values = new LinkedHashMap<>(contract);
			values.remove("finess");
			contracts.add(values);
		}
		Map<String, long[]> counts = new HashMap<>();
		for (Map<String, String> patient : records(input.resolve("patients.csv"), "patients.csv", rejected)) {
			long[] c = counts.computeIfAbsent(patient.get("finess"), f -> new long[15]);
			boolean medecinTraitant = yes(patient.get("medecin_traitant"));
			long physicians = PHYSICIANS.stream().mapToLong(k -> Long.parseLong(patient.get(k))).sum();
			long others = OTHERS.stream().mapToLong(k -> Long.parseLong(patient.get(k))).sum();
			if (medecinTraitant) {
				add(c, 0, patient);
				samples.medecinTraitant.computeIfAbsent(patient.get("finess"), f -> new LinkedHashMap<>())
					.merge(fpmtCategory(patient), 1L, Long::sum);
			}
			if (physicians + others > 0) {
				add(c, 5, patient);
			}
			if (medecinTraitant && others > 0) {
				add(c, 10, patient);
			}
		}
		counts.forEach((finess, c) -> {
			Map<String, String> form = samples.forms.get(finess);
			String[] lists = { "medecin_traitant", "file_active", "file_active_equipe" };
			String[] columns = { "patients", "c2s", "ame", "ald", "handicap" };
			for (int list = 0; list < lists.length; list++) {
				for (int column = 0; column < columns.length; column++) {
					form.put(columns[column] + "_" + lists[list], String.valueOf(c[list * 5 + column]));
				}
			}
		});
		return samples;
	}

	/**
	 * The 2018–2025 FPMT category of a médecin-traitant patient, as avenant 1 defines them (age at
	 * 31 December, ALD): written here from the text, not read from the rule set.
	 */
	private static String fpmtCategory(Map<String, String> patient) {
		int age = Integer.parseInt(patient.get("age"));
		boolean ald = yes(patient.get("ald"));
		if (ald) {
			return age >= 80 ? "ALD_80_ANS_ET_PLUS" : "ALD_MOINS_80_ANS";
		}
		return age <= 6 ? "MOINS_7_ANS" : age <= 79 ? "DE_7_A_79_ANS" : "AGE_80_ET_PLUS";
	}

	/** The médecin-traitant patients of the centre by FPMT category code (a category with none is left out). */
	Map<String, Long> medecinTraitant(String finess) {
		return this.medecinTraitant.getOrDefault(finess, Map.of());
	}

	/** The centre's contracts by contracts.csv column (without the FINESS), in the file's order. */
	List<Map<String, String>> contracts(String finess) {
		return this.contracts.getOrDefault(finess, List.of());
	}

	/** The statement's grand total: the forfait and every other payment. */
	BigDecimal statementGrandTotal(String finess) {
		return CsvFiles.grandTotal(this.output.resolve("2024/statements/" + finess + ".csv"));
	}

	/**
	 * Everything the manager would type for {@code finess} in a form of {@code fields}: the forfait's
	 * values, the médecin-traitant patients of every FPMT category (0 for a category with none) when
	 * the form asks them, and every contract, one numbered slot each.
	 */
	Map<String, String> fullForm(String finess, Set<String> fields) {
		Map<String, String> form = form(finess, fields);
		for (String category : List.of("MOINS_7_ANS", "DE_7_A_79_ANS", "AGE_80_ET_PLUS", "ALD_MOINS_80_ANS",
				"ALD_80_ANS_ET_PLUS")) {
			if (fields.contains("mt_" + category)) {
				form.put("mt_" + category, String.valueOf(medecinTraitant(finess).getOrDefault(category, 0L)));
			}
		}
		int slot = 0;
		for (Map<String, String> contract : contracts(finess)) {
			slot++;
			for (Map.Entry<String, String> column : contract.entrySet()) {
				form.put("contrat_" + slot + "_" + column.getKey(), column.getValue());
			}
		}
		return form;
	}

	Set<String> finessNumbers() {
		return this.forms.keySet();
	}

	/** The values a manager would type for {@code finess}, among the fields the form has. */
	Map<String, String> form(String finess, Set<String> fields) {
		Map<String, String> form = new LinkedHashMap<>();
		this.forms.get(finess).forEach((name, value) -> {
			if (fields.contains(name)) {
				form.put(name, value);
			}
		});
		return form;
	}

	String type(String finess) {
		return this.forms.get(finess).get("type");
	}

	private static void add(long[] counts, int offset, Map<String, String> patient) {
		counts[offset]++;
		counts[offset + 1] += yes(patient.get("c2s")) ? 1 : 0;
		counts[offset + 2] += yes(patient.get("ame")) ? 1 : 0;
		counts[offset + 3] += yes(patient.get("ald")) ? 1 : 0;
		counts[offset + 4] += yes(patient.get("handicap")) ? 1 : 0;
	}

	private static boolean yes(String flag) {
		return flag.equals("1") || flag.equalsIgnoreCase("oui");
	}

	/** The data rows of a file as maps by column, without the rows the run rejected (line 1 is the header). */
	private static List<Map<String, String>> records(Path file, String name, Set<String> rejected) {
		List<List<String>> rows = CsvFiles.rows(file);
		List<String> header = rows.get(0);
		List<Map<String, String>> records = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			if (rejected.contains(name + ":" + (i + 1))) {
				continue;
			}
			Map<String, String> record = new HashMap<>();
			for (int column = 0; column < header.size(); column++) {
				record.put(header.get(column), rows.get(i).get(column));
			}
			records.add(record);
		}
		return records;
	}

}
