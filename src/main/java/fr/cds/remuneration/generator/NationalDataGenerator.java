package fr.cds.remuneration.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Region;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;

/**
 * Writes realistic national inputs for an exercice — centres.csv, declarations.csv, contracts.csv
 * and patients.csv — deterministically from a seed: the same options give the same bytes on every
 * machine. Declarations follow the indicators and per-act supplements of the exercice's rules, and
 * contracts its contract aids, so the generator needs no change when an avenant adds one. The
 * patient extract is written row by row and never held in memory.
 */
public final class NationalDataGenerator {

	/**
	 * @param badRowsPerMillion patient rows naming an unknown centre, per million (realistic noise
	 * that the run rejects; keep it under the 0.1 % reject limit)
	 */
	public record Options(int centres, long patients, long seed, int badRowsPerMillion) {
	}

	public record Summary(int centres, long declarationRows, long contractRows, long patientRows, long patientBytes) {
	}

	private final RegionTable regions;

	public NationalDataGenerator(RegionTable regions) {
		this.regions = regions;
	}

	public Summary generate(Path directory, ExerciceRules rules, Options options) {
		try {
			Files.createDirectories(directory);
			SplittableRandom random = new SplittableRandom(options.seed());
			List<GeneratedCentre> centres = centres(rules.exercice(), options.centres(), random.split());
			writeCentres(directory.resolve(InputFile.CENTRES.fileName()), centres);
			long declarations = writeDeclarations(directory.resolve(InputFile.DECLARATIONS.fileName()), centres, rules,
					random.split());
			long contracts = writeContracts(directory.resolve(InputFile.CONTRACTS.fileName()), centres, rules,
					random.split());
			Path patients = directory.resolve(InputFile.PATIENTS.fileName());
			long rows = writePatients(patients, centres, options, random.split());
			return new Summary(centres.size(), declarations, contracts, rows, Files.size(patients));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("écriture impossible des données générées dans " + directory, ex);
		}
	}

	/** A generated centre and what the patient and declaration generators need to know of it. */
	private record GeneratedCentre(String finess, String name, CentreType type, Region region, Zone zone,
			LocalDate adhesion, LocalDate opening, LocalDate closing, Map<Profession, BigDecimal> fte,
			String missedSocle, double size) {
	}

	// ------------------------------------------------------------------------------ centres

	private List<GeneratedCentre> centres(int exercice, int count, SplittableRandom random) {
		Map<String, List<Region>> byRegion = new java.util.TreeMap<>();
		for (Region departement : this.regions.departements()) {
			byRegion.computeIfAbsent(departement.code(), c -> new ArrayList<>()).add(departement);
		}
		List<String> regionCodes = new ArrayList<>(NationalProfile.REGION_WEIGHTS.keySet());
		double[] regionWeights = regionCodes.stream().mapToDouble(NationalProfile.REGION_WEIGHTS::get).toArray();
		Map<String, Integer> sequence = new java.util.HashMap<>();
		List<GeneratedCentre> centres = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String regionCode = regionCodes.get(pick(regionWeights, random));
			List<Region> departements = byRegion.get(regionCode);
			Region departement = departements.get(random.nextInt(departements.size()));
			CentreType type = type(regionCode, random);
			int number = sequence.merge(departement.departement(), 1, Integer::sum);
			String finess = finess(departement.departement(), number);
			Map<Profession, BigDecimal> fte = staff(type, random);
			LocalDate opening = LocalDate.of(1990 + random.nextInt(exercice - 1990 + 1), 1 + random.nextInt(12), 1);
			LocalDate adhesion = opening.isBefore(LocalDate.of(2016, 1, 1)) ? LocalDate.of(2016, 1, 1) : opening;
			boolean closes = opening.getYear() < exercice && random.nextDouble() < 0.01;
			LocalDate closing = closes ? LocalDate.of(exercice, 1 + random.nextInt(11), 28) : null;
			Zone zone = random.nextDouble() < 0.25 ? Zone.ZIP : random.nextDouble() < 0.3 ? Zone.ZAC : Zone.HORS_ZONE;
			String missed = random.nextDouble() < NationalProfile.SOCLE_MISS_RATE ? "yes" : null;
			double size = patientListFte(type, fte) * NationalProfile.PATIENTS_PER_FTE.get(type)
					* (0.6 + 0.8 * random.nextDouble());
			centres.add(new GeneratedCentre(finess, "Centre de santé " + departement.departementName() + " " + number,
					type, departement, zone, adhesion, opening, closing, fte, missed, size));
		}
		return centres;
	}

	private static CentreType type(String regionCode, SplittableRandom random) {
		Map<CentreType, Integer> weights = regionCode.equals("11") ? NationalProfile.ILE_DE_FRANCE_TYPE_WEIGHTS
				: NationalProfile.TYPE_WEIGHTS;
		CentreType[] types = CentreType.values();
		double[] w = new double[types.length];
		for (int i = 0; i < types.length; i++) {
			w[i] = weights.get(types[i]);
		}
		return types[pick(w, random)];
	}

	/** A FINESS of the département with its check key: {@code dd} + 6 digits, or {@code 970x} + 4 overseas. */
	private static String finess(String departement, int number) {
		String prefix = finessPrefix(departement);
		int digits = 8 - prefix.length();
		return Finess.withKey(prefix + String.format("%0" + digits + "d", 1000 + number)).value();
	}

	/** The register numbers overseas départements 971..976 as 9701..9706. */
	private static String finessPrefix(String departement) {
		return departement.length() == 3 ? "970" + departement.charAt(2) : departement;
	}

	private static Map<Profession, BigDecimal> staff(CentreType type, SplittableRandom random) {
		Map<Profession, BigDecimal> fte = new EnumMap<>(Profession.class);
		switch (type) {
			case MEDICAL -> {
				fte.put(Profession.MEDECIN_GENERALISTE, fte(2, 12, random));
				fte.put(Profession.MEDECIN_AUTRE, fte(0, 3, random));
				fte.put(Profession.INFIRMIER, fte(0, 2, random));
				fte.put(Profession.ASSISTANT_MEDICAL, fte(0, 2, random));
			}
			case POLYVALENT -> {
				fte.put(Profession.MEDECIN_GENERALISTE, fte(3, 15, random));
				fte.put(Profession.MEDECIN_AUTRE, fte(0, 5, random));
				fte.put(Profession.INFIRMIER, fte(1, 9, random));
				fte.put(Profession.CHIRURGIEN_DENTISTE, fte(0, 5, random));
				fte.put(Profession.SAGE_FEMME, fte(0, 2, random));
				fte.put(Profession.MASSEUR_KINESITHERAPEUTE, fte(0, 3, random));
				fte.put(Profession.IPA, random.nextDouble() < 0.2 ? BigDecimal.ONE : BigDecimal.ZERO);
				fte.put(Profession.MEDIATEUR_SANTE, fte(0, 1, random));
			}
			case DENTAIRE -> fte.put(Profession.CHIRURGIEN_DENTISTE, fte(1, 10, random));
			case INFIRMIER -> fte.put(Profession.INFIRMIER, fte(2, 15, random));
		}
		fte.put(Profession.ADMINISTRATIF, fte(1, 5, random));
		return fte;
	}

	/** An FTE figure between {@code min} and {@code max}, in halves. */
	private static BigDecimal fte(int min, int max, SplittableRandom random) {
		return BigDecimal.valueOf(min * 2 + random.nextInt((max - min) * 2 + 1), 1).multiply(BigDecimal.valueOf(5));
	}

	private static double patientListFte(CentreType type, Map<Profession, BigDecimal> fte) {
		Profession defining = switch (type) {
			case MEDICAL, POLYVALENT -> Profession.MEDECIN_GENERALISTE;
			case DENTAIRE -> Profession.CHIRURGIEN_DENTISTE;
			case INFIRMIER -> Profession.INFIRMIER;
		};
		return fte.getOrDefault(defining, BigDecimal.ZERO).doubleValue();
	}

	private static void writeCentres(Path file, List<GeneratedCentre> centres) throws IOException {
		try (AsciiRows out = new AsciiRows(file)) {
			out.header(InputFile.CENTRES.columns());
			for (GeneratedCentre c : centres) {
				out.cell(c.finess()).cell(c.name()).cell(c.type().fileValue()).cell(c.region().departement())
					.cell(c.adhesion().toString()).cell(c.opening().toString())
					.cell(c.closing() == null ? "" : c.closing().toString()).cell(c.zone().name());
				for (Profession profession : Profession.values()) {
					out.cell(c.fte().getOrDefault(profession, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
				}
				out.end();
			}
		}
	}

	// ------------------------------------------------------------------------- declarations

	private static long writeDeclarations(Path file, List<GeneratedCentre> centres, ExerciceRules rules,
			SplittableRandom random) throws IOException {
		long rows = 0;
		try (AsciiRows out = new AsciiRows(file)) {
			out.header(InputFile.DECLARATIONS.columns());
			for (GeneratedCentre centre : centres) {
				List<ExerciceIndicator> socle = rules.indicators()
					.stream()
					.filter(i -> i.appliesTo(centre.type()) && i.isSocle())
					.toList();
				String missed = centre.missedSocle() != null && !socle.isEmpty()
						? socle.get(random.nextInt(socle.size())).code() : null;
				for (ExerciceIndicator indicator : rules.indicators()) {
					AnswerType answer = indicator.rule().answer();
					if (!indicator.appliesTo(centre.type()) || answer == AnswerType.AUTOMATIC) {
						continue;
					}
					String value = answer(indicator, indicator.code().equals(missed), random);
					out.cell(centre.finess()).cell(String.valueOf(rules.exercice())).cell(indicator.code()).cell(value).end();
					rows++;
				}
				for (ExercicePayments.ActSupplement supplement : rules.payments().actSupplements()) {
					if (supplement.appliesTo(centre.type()) && random.nextDouble() < NationalProfile.ACT_SUPPLEMENT_RATE) {
						long count = Math.round(doctors(centre).doubleValue() * NationalProfile.ACTS_PER_DOCTOR_FTE
								* random.nextDouble());
						out.cell(centre.finess()).cell(String.valueOf(rules.exercice())).cell(supplement.code())
							.cell(String.valueOf(count)).end();
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private static BigDecimal doctors(GeneratedCentre centre) {
		return centre.fte()
			.getOrDefault(Profession.MEDECIN_GENERALISTE, BigDecimal.ZERO)
			.add(centre.fte().getOrDefault(Profession.MEDECIN_AUTRE, BigDecimal.ZERO))
			.add(centre.fte().getOrDefault(Profession.SAGE_FEMME, BigDecimal.ZERO));
	}

	// ---------------------------------------------------------------------------- contracts

	/**
	 * Contracts in force during the exercice: for each aid of the exercice that applies to the
	 * centre's type and zone, a contract with some probability (medical assistants for the centres
	 * that employ some, for their FTE), started in one of the five years up to the exercice.
	 */
	private static long writeContracts(Path file, List<GeneratedCentre> centres, ExerciceRules rules,
			SplittableRandom random) throws IOException {
		long rows = 0;
		try (AsciiRows out = new AsciiRows(file)) {
			out.header(InputFile.CONTRACTS.columns());
			for (GeneratedCentre centre : centres) {
				java.util.Set<String> kinds = new java.util.TreeSet<>();
				for (ExercicePayments.ContractAid aid : rules.payments().contractAids()) {
					var rule = aid.rule();
					if (rule.types().contains(centre.type()) && rule.zones().contains(centre.zone())) {
						kinds.add(rule.contract());
					}
				}
				for (String kind : kinds) {
					BigDecimal fte = kind.equals(NationalProfile.ASSISTANT_CONTRACT)
							? centre.fte().getOrDefault(Profession.ASSISTANT_MEDICAL, BigDecimal.ZERO)
							: random.nextDouble() < NationalProfile.OTHER_CONTRACT_RATE ? fte(1, 2, random) : BigDecimal.ZERO;
					if (fte.signum() > 0) {
						LocalDate start = LocalDate.of(rules.exercice() - random.nextInt(5), 1 + random.nextInt(12), 1);
						out.cell(centre.finess()).cell(kind + "-" + centre.finess()).cell(kind).cell(start.toString())
							.cell("").cell(fte.stripTrailingZeros().toPlainString()).cell(centre.zone().name()).end();
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private static String answer(ExerciceIndicator indicator, boolean missed, SplittableRandom random) {
		AnswerType answer = indicator.rule().answer();
		int minimum = indicator.minimumValue();
		if (indicator.isSocle()) {
			if (answer == AnswerType.YES_NO) {
				return missed ? "non" : "oui";
			}
			return missed ? "0" : String.valueOf(Math.max(minimum, 1 + random.nextInt(3)));
		}
		boolean yes = random.nextDouble() < NationalProfile.OPTIONAL_YES_RATE;
		return switch (answer) {
			case YES_NO -> yes ? "oui" : "non";
			case LEVEL -> yes ? String.valueOf(1 + random.nextInt(indicator.rule().maxLevel())) : "0";
			default -> yes ? String.valueOf(minimum + random.nextInt(5)) : "0";
		};
	}

	// ----------------------------------------------------------------------------- patients

	private static long writePatients(Path file, List<GeneratedCentre> centres, Options options,
			SplittableRandom random) throws IOException {
		long[] rows = allocate(centres, options.patients());
		long written = 0;
		long id = options.seed() * 1_000_003L;
		try (AsciiRows out = new AsciiRows(file)) {
			out.header(InputFile.PATIENTS.columns());
			for (int c = 0; c < centres.size(); c++) {
				GeneratedCentre centre = centres.get(c);
				for (long r = 0; r < rows[c]; r++) {
					boolean bad = random.nextInt(1_000_000) < options.badRowsPerMillion();
					patient(out, centre, bad ? unknownFiness(centre) : centre.finess(), ++id, random);
					written++;
				}
			}
		}
		return written;
	}

	/** Rows per centre in proportion to its size; the largest remainders make the total exact. */
	private static long[] allocate(List<GeneratedCentre> centres, long total) {
		double sum = centres.stream().mapToDouble(GeneratedCentre::size).sum();
		long[] rows = new long[centres.size()];
		double[] remainders = new double[centres.size()];
		long allocated = 0;
		for (int i = 0; i < rows.length; i++) {
			double exact = total * centres.get(i).size() / sum;
			rows[i] = (long) exact;
			remainders[i] = exact - rows[i];
			allocated += rows[i];
		}
		Integer[] order = new Integer[rows.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
		for (int k = 0; allocated < total; k = (k + 1) % order.length) {
			rows[order[k]]++;
			allocated++;
		}
		return rows;
	}

	/** A well-formed FINESS of the centre's département that no generated centre has. */
	private static String unknownFiness(GeneratedCentre centre) {
		String prefix = finessPrefix(centre.region().departement());
		return Finess.withKey(prefix + "9".repeat(8 - prefix.length())).value();
	}

	private static void patient(AsciiRows out, GeneratedCentre centre, String finess, long id, SplittableRandom r)
			throws IOException {
		CentreType type = centre.type();
		boolean medical = type == CentreType.MEDICAL || type == CentreType.POLYVALENT;
		int age = age(r);
		boolean mt = medical && r.nextDouble() < 0.72;
		boolean ald = r.nextDouble() < (age >= 80 ? 0.45 : NationalProfile.ALD_RATE * 0.8);
		double c2sRate = centre.zone() == Zone.ZIP ? NationalProfile.C2S_RATE * 1.4 : NationalProfile.C2S_RATE;
		boolean c2s = r.nextDouble() < c2sRate;
		boolean ame = !c2s && r.nextDouble() < NationalProfile.AME_RATE;
		boolean handicap = r.nextDouble() < NationalProfile.HANDICAP_RATE;
		boolean notSeen = mt && r.nextDouble() < NationalProfile.NOT_SEEN_RATE;
		// a pseudonymous id: multiplying by an odd constant is a bijection, so ids never collide
		out.cell("P").appendHex(id * 0x9E3779B97F4A7C15L);
		out.cell(finess).cell(mt ? 1 : 0).cell(age).cell(ald ? 1 : 0).cell(c2s ? 1 : 0).cell(ame ? 1 : 0)
			.cell(handicap ? 1 : 0).cell(notSeen ? 1 : 0).cell(NationalProfile.SCHEMES[pick(NationalProfile.SCHEME_WEIGHTS, r)]);
		// a patient not seen for two years had no contact with the centre's doctors this year either
		int gp = medical && !notSeen && r.nextDouble() < 0.9 ? 1 + r.nextInt(8) : 0;
		int otherDoctor = medical && !notSeen && r.nextDouble() < 0.15 ? 1 + r.nextInt(3) : 0;
		int nurse = type == CentreType.INFIRMIER ? 1 + r.nextInt(30)
				: type == CentreType.POLYVALENT && r.nextDouble() < 0.3 ? 1 + r.nextInt(10) : 0;
		int dentist = type == CentreType.DENTAIRE ? 1 + r.nextInt(5)
				: type == CentreType.POLYVALENT && r.nextDouble() < 0.25 ? 1 + r.nextInt(4) : 0;
		int midwife = type == CentreType.POLYVALENT && r.nextDouble() < 0.05 ? 1 + r.nextInt(4) : 0;
		int physio = type == CentreType.POLYVALENT && r.nextDouble() < 0.08 ? 1 + r.nextInt(10) : 0;
		int other = type == CentreType.POLYVALENT && r.nextDouble() < 0.03 ? 1 : 0;
		out.cell(gp).cell(otherDoctor).cell(nurse).cell(dentist).cell(midwife).cell(physio).cell(other).end();
	}

	private static int age(SplittableRandom r) {
		double u = r.nextDouble();
		if (u < 0.12) {
			return r.nextInt(7);
		}
		if (u < 0.88) {
			return 7 + r.nextInt(73);
		}
		return 80 + r.nextInt(20);
	}

	/** Index drawn with probability proportional to {@code weights}. */
	static int pick(double[] weights, SplittableRandom random) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double u = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			u -= weights[i];
			if (u < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Writes {@code ;}-separated ASCII/UTF-8 rows fast: no String per number, one buffer. */
	private static final class AsciiRows implements AutoCloseable {

		private final OutputStream out;

		private boolean first = true;

		AsciiRows(Path file) throws IOException {
			this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
		}

		void header(List<String> columns) throws IOException {
			for (String column : columns) {
				cell(column);
			}
			end();
		}

		AsciiRows cell(String value) throws IOException {
			separator();
			this.out.write(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return this;
		}

		AsciiRows cell(int value) throws IOException {
			separator();
			if (value < 10) {
				this.out.write('0' + value);
			}
			else {
				this.out.write(Integer.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			}
			return this;
		}

		/** Appends hex digits to the current cell (the cell was opened by {@link #cell(String)}). */
		AsciiRows appendHex(long value) throws IOException {
			for (int shift = 60; shift >= 0; shift -= 4) {
				this.out.write(Character.forDigit((int) ((value >>> shift) & 0xF), 16));
			}
			return this;
		}

		void end() throws IOException {
			this.out.write('\n');
			this.first = true;
		}

		private void separator() throws IOException {
			if (!this.first) {
				this.out.write(';');
			}
			this.first = false;
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

}
