package fr.cds.remuneration.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.InputFile;

/**
 * Generates valid input files of any size from a seed, for the benchmarks and for the tests that
 * need a large input (crash tests): the same seed always gives the same bytes. Patient identifiers
 * are {@code PX} followed by the row's number, so that a test can look for every one of them.
 */
public final class SyntheticInputs {

	/** Départements used for the generated centres (all in the reference table). */
	private static final String[] DEPARTEMENTS = { "75", "69", "13", "33", "59", "31", "67", "2A", "974", "35" };

	private static final String[] TYPES = { "medical", "polyvalent", "dentaire", "infirmier" };

	private static final String[] SCHEMES = { "RG", "RG", "RG", "RG", "RG", "RG", "MSA", "SLM", "CAMIEG", "ENIM" };

	/** Socle and a few optional answers, valid for every type under accord-2015 in 2024. */
	private static final String[][] ANSWERS = { { "COORDINATION", "oui" }, { "SI_STANDARD", "oui" },
			{ "CRISE_PLAN", "oui" }, { "DEMARCHE_QUALITE", "2" }, { "MISSIONS_SANTE_PUBLIQUE", "1" },
			{ "IMPLICATION_USAGERS", "1" } };

	private SyntheticInputs() {
	}

	/** The FINESS of the {@code index}-th generated centre, with its check key. */
	public static String finess(int index) {
		String departement = DEPARTEMENTS[index % DEPARTEMENTS.length];
		// the register numbers overseas départements 971..976 as 9701..9706
		String prefix = departement.length() == 3 ? "970" + departement.charAt(2) : departement;
		String number = String.valueOf(10 + index / DEPARTEMENTS.length);
		return Finess.withKey(prefix + "0".repeat(8 - prefix.length() - number.length()) + number).value();
	}

	public static List<String> finessList(int centres) {
		List<String> list = new ArrayList<>(centres);
		for (int i = 0; i < centres; i++) {
			list.add(finess(i));
		}
		return list;
	}

	/** Writes the four input files for exercice 2024 into {@code directory}. */
	public static void write(Path directory, int centres, long patientRows, long seed) {
		write(directory, centres, patientRows, 0, seed);
	}

	/**
	 * Writes the four input files for exercice 2024 into {@code directory}.
	 *
	 * @param duplicateEvery every so many patient rows, repeat the previous one (0: none)
	 */
	public static void write(Path directory, int centres, long patientRows, int duplicateEvery, long seed) {
		try {
			Files.createDirectories(directory);
			writeCentres(directory.resolve(InputFile.CENTRES.fileName()), centres);
			writeDeclarations(directory.resolve(InputFile.DECLARATIONS.fileName()), centres);
			writeContracts(directory.resolve(InputFile.CONTRACTS.fileName()), centres);
			writePatients(directory.resolve(InputFile.PATIENTS.fileName()), centres, patientRows, duplicateEvery, seed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeCentres(Path file, int centres) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(";", InputFile.CENTRES.columns()));
			out.write('\n');
			for (int i = 0; i < centres; i++) {
				String type = TYPES[i % TYPES.length];
				String departement = DEPARTEMENTS[i % DEPARTEMENTS.length];
				String fte = switch (type) {
					case "medical" -> "3;1;0;0;0;0;0;0;0;0;1";
					case "polyvalent" -> "4;1;5;1;0;1;0;0;1;0;2";
					case "dentaire" -> "0;0;0;4;0;0;0;0;0;0;1";
					default -> "0;0;6;0;0;0;0;0;0;0;1";
				};
				out.write(finess(i) + ";Centre de santé synthétique n° " + i + ";" + type + ";" + departement
						+ ";2016-01-01;2010-01-01;;HORS_ZONE;" + fte + "\n");
			}
		}
	}

	static void writeDeclarations(Path file, int centres) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(";", InputFile.DECLARATIONS.columns()));
			out.write('\n');
			for (int i = 0; i < centres; i++) {
				String access = TYPES[i % TYPES.length].equals("infirmier") ? "ACCES_SOINS_INFIRMIERS" : "ACCES_HORAIRES";
				out.write(finess(i) + ";2024;" + access + ";oui\n");
				for (String[] answer : ANSWERS) {
					out.write(finess(i) + ";2024;" + answer[0] + ";" + answer[1] + "\n");
				}
			}
		}
	}

	/** One medical-assistant contract (1 FTE, from July 2023) for every other médical centre. */
	static void writeContracts(Path file, int centres) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(";", InputFile.CONTRACTS.columns()));
			out.write('\n');
			for (int i = 0; i < centres; i += 2 * TYPES.length) {
				out.write(finess(i) + ";AM-" + i + ";ASSISTANT_MEDICAL;2023-07-01;;1;HORS_ZONE\n");
			}
		}
	}

	/**
	 * Writes a valid patient extract of {@code rows} rows spread over {@code centres} centres.
	 *
	 * @param duplicateEvery every so many rows, repeat the previous row (0: no duplicates)
	 */
	public static void writePatients(Path file, int centres, long rows, int duplicateEvery, long seed)
			throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder row = new StringBuilder(96);
		String previous = null;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
			out.write(String.join(";", InputFile.PATIENTS.columns()));
			out.write('\n');
			for (long n = 1; n <= rows; n++) {
				if (duplicateEvery > 0 && previous != null && n % duplicateEvery == 0) {
					out.write(previous);
					continue;
				}
				row.setLength(0);
				int centre = random.nextInt(centres);
				boolean c2s = random.nextInt(100) < 12;
				boolean ame = !c2s && random.nextInt(100) < 2;
				row.append("PX").append(n).append(';').append(finess(centre)).append(';')
					.append(random.nextInt(100) < 60 ? '1' : '0').append(';')
					.append(random.nextInt(100)).append(';')
					.append(random.nextInt(100) < 18 ? '1' : '0').append(';')
					.append(c2s ? '1' : '0').append(';')
					.append(ame ? '1' : '0').append(';')
					.append(random.nextInt(100) < 3 ? '1' : '0').append(';')
					.append(random.nextInt(100) < 5 ? '1' : '0').append(';')
					.append(SCHEMES[random.nextInt(SCHEMES.length)]);
				for (int contact = 0; contact < 7; contact++) {
					int seen = random.nextInt(100) < 25 ? random.nextInt(1, 6) : 0;
					row.append(';').append(seen);
				}
				row.append('\n');
				previous = row.toString();
				out.write(previous);
			}
		}
	}

}
