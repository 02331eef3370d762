package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.ExercicePayments.ContractAid;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.ContractCountCap;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.Territory;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * The aids paid on a centre's contracts. Each contract is paid by the aids of its kind that apply
 * to the centre's type and the contract's zone, per FTE and by year of the contract (year 1 runs from
 * the start date to the day before the first anniversary): every contract year inside the
 * exercice, and inside the centre's conventioned activity, pays its annual amount × its days in the
 * exercice / the days of that contract year. The caps of an aid are applied in the order the
 * contracts started, to the contracts that run at the same time: at most so many contracts per
 * centre, at most so many aided FTE per FTE of other professions.
 */
final class ContractAids {

	private ContractAids() {
	}

	/** The stream, or empty when no aid applies to the centre's type and it has no contract. */
	static Optional<StreamResult> compute(ExerciceRules rules, CentreInputs inputs, ProrataResult activity) {
		Centre centre = inputs.centre();
		List<Contract> contracts = inputs.contracts();
		List<ContractAid> aids = rules.payments().contractAids().stream().filter(a -> a.appliesTo(centre)).toList();
		if (aids.isEmpty() && contracts.isEmpty()) {
			return Optional.empty();
		}
		Rounding rounding = rules.rounding().value();
		BigDecimal zero = rounding.apply(BigDecimal.ZERO);
		List<Contract> ordered = contracts.stream()
			.sorted(Comparator.comparing(Contract::start).thenComparing(Contract::number))
			.toList();
		Map<Contract, List<StreamLine>> byContract = new LinkedHashMap<>();
		ordered.forEach(c -> byContract.put(c, new ArrayList<>()));
		for (ContractAid aid : aids) {
			List<Contract> paid = ordered.stream()
				.filter(c -> c.kind().equals(aid.rule().contract()) && aid.rule().zones().contains(c.zone()))
				.toList();
			new AidAllocation(aid, inputs, activity, rounding).lines(paid).forEach((c, line) -> byContract.get(c).add(line));
		}
		List<StreamLine> lines = new ArrayList<>();
		byContract.forEach((contract, contractLines) -> {
			if (contractLines.isEmpty()) {
				contractLines.add(new StreamLine(contract.kind(), "Aucune aide pour ce contrat de type " + contract.kind(),
						describe(contract), "ETP",
						contract.fte(), null, "", zero, noAidReason(rules, centre, contract),
						ValueStatus.CONFIRMED, List.of()));
			}
			lines.addAll(contractLines);
		});
		List<String> notes = new ArrayList<>();
		if (contracts.isEmpty()) {
			notes.add("Aucun contrat enregistré pour le centre en " + rules.exercice() + ".");
		}
		else {
			notes.add("Chaque aide est due par année de contrat (l'année 1 court de la date de début à la veille du"
					+ " premier anniversaire), au prorata des jours de chaque année de contrat compris dans l'exercice"
					+ " et dans la période d'activité conventionnée du centre (" + FrenchFormat.date(activity.from())
					+ " au " + FrenchFormat.date(activity.to()) + ").");
		}
		return Optional.of(StreamResult.of(PaymentStream.AIDES_CONTRAT, "Aides sur contrat", lines, notes, zero));
	}

	/** Why no aid of the exercice pays a contract, in French. */
	private static String noAidReason(ExerciceRules rules, Centre centre, Contract contract) {
		CentreType type = centre.type();
		List<ContractAid> ofKind = rules.payments()
			.contractAids()
			.stream()
			.filter(a -> a.rule().contract().equals(contract.kind()))
			.toList();
		if (ofKind.isEmpty()) {
			return "aucune aide pour ce type de contrat en " + rules.exercice();
		}
		if (ofKind.stream().noneMatch(a -> a.rule().types().contains(type))) {
			return "aide réservée aux centres de type " + ofKind.stream()
				.flatMap(a -> a.rule().types().stream())
				.distinct()
				.sorted()
				.map(CentreType::label)
				.collect(Collectors.joining(", "));
		}
		List<ContractAid> ofType = ofKind.stream().filter(a -> a.rule().types().contains(type)).toList();
		Territory territory = Territory.of(centre);
		if (ofType.stream().noneMatch(a -> a.rule().conditions().territories().contains(territory))) {
			return "aide non ouverte aux centres situés en " + territory.label() + " (département "
					+ centre.region().departement() + ")";
		}
		if (ofType.stream().noneMatch(a -> a.rule().conditions().centreZones().contains(centre.zone()))) {
			return "aide réservée aux centres situés en " + ofType.stream()
				.flatMap(a -> a.rule().conditions().centreZones().stream())
				.distinct()
				.sorted()
				.map(z -> z.name())
				.collect(Collectors.joining(", ")) + " (le centre est en " + centre.zone().name() + ")";
		}
		return "aide réservée aux contrats signés en " + ofKind.stream()
			.filter(a -> a.rule().types().contains(type))
			.flatMap(a -> a.rule().zones().stream())
			.distinct()
			.sorted()
			.map(z -> z.name())
			.collect(Collectors.joining(", "));
	}

	static String describe(Contract contract) {
		return "contrat " + contract.number() + " (du " + FrenchFormat.date(contract.start())
				+ (contract.end() == null ? "" : " au " + FrenchFormat.date(contract.end())) + ", "
				+ FrenchFormat.compact(contract.fte(), 2) + " ETP, " + contract.zone().label() + ")";
	}

	/** One aid's contracts, in the order they started, with its caps. */
	private static final class AidAllocation {

		private final ContractAid aid;

		private final Centre centre;

		private final CentreInputs inputs;

		private final ProrataResult activity;

		private final Rounding rounding;

		/** The contracts already aided, with their aided FTE: the caps count those running at the same time. */
		private final Map<Contract, BigDecimal> aided = new LinkedHashMap<>();

		AidAllocation(ContractAid aid, CentreInputs inputs, ProrataResult activity, Rounding rounding) {
			this.aid = aid;
			this.inputs = inputs;
			this.centre = inputs.centre();
			this.activity = activity;
			this.rounding = rounding;
		}

		Map<Contract, StreamLine> lines(List<Contract> contracts) {
			Map<Contract, StreamLine> lines = new LinkedHashMap<>();
			for (Contract contract : contracts) {
				lines.put(contract, line(contract));
			}
			return lines;
		}

		private StreamLine line(Contract contract) {
			List<Provenance> provenances = new ArrayList<>(List.of(this.aid.schedule().provenance()));
			if (span(contract).isEmpty()) {
				return refused(contract, provenances, "aucun jour d'activité conventionnée du centre pendant le contrat"
						+ " dans l'exercice");
			}
			String note = "";
			BigDecimal fte = contract.fte();
			Optional<Resolved<ContractCountCap>> count = this.aid.maxContracts();
			if (count.isPresent() && !count.get().value().exemptZones().contains(this.centre.zone())
					&& running(contract).count() >= count.get().value().max()) {
				provenances.add(count.get().provenance());
				return refused(contract, provenances, "refusé : au-delà du plafond de " + count.get().value().max()
						+ " contrats en cours en même temps par centre");
			}
			Optional<Resolved<FteRatioCap>> ratio = this.aid.fteRatio();
			if (ratio.isPresent()) {
				FteRatioCap cap = ratio.get().value();
				BigDecimal allowed = cap.ratio().multiply(this.centre.staff().sum(cap.professions()));
				BigDecimal used = running(contract).map(this.aided::get).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal room = allowed.subtract(used).max(BigDecimal.ZERO);
				String capWords = FrenchFormat.compact(cap.ratio(), 2) + " ETP par ETP de "
						+ professions(cap) + " (" + FrenchFormat.compact(allowed, 2) + " ETP"
						+ (used.signum() > 0 ? ", dont " + FrenchFormat.compact(used, 2) + " déjà aidés" : "") + ")";
				if (fte.compareTo(room) > 0) {
					provenances.add(ratio.get().provenance());
					if (cap.excess() == FteRatioCap.Excess.REFUSED || room.signum() == 0) {
						return refused(contract, provenances, "refusé : au-delà de " + capWords);
					}
					fte = room;
					note = "ETP aidés ramenés à " + FrenchFormat.compact(room, 2) + " : au plus " + capWords;
				}
			}
			this.aided.put(contract, fte);
			Amount amount = amount(contract, fte);
			if (amount.maintenance() != null) {
				provenances.add(this.aid.maintenance().get().provenance());
				note = note.isEmpty() ? amount.maintenance() : note + " ; " + amount.maintenance();
			}
			return new StreamLine(this.aid.rule().code(), this.aid.rule().label(), describe(contract), "ETP", fte, null,
					amount.formula(), amount.euros(), note, Provenance.weakestOf(provenances), provenances);
		}

		private StreamLine refused(Contract contract, List<Provenance> provenances, String note) {
			return new StreamLine(this.aid.rule().code(), this.aid.rule().label(), describe(contract), "ETP",
					BigDecimal.ZERO, null, "", this.rounding.apply(BigDecimal.ZERO), note,
					Provenance.weakestOf(provenances), provenances);
		}

		/** The contracts already aided that run at the same time as {@code contract} in the exercice. */
		private java.util.stream.Stream<Contract> running(Contract contract) {
			Span span = span(contract);
			return this.aided.keySet().stream().filter(other -> span(other).overlaps(span));
		}

		private Span span(Contract contract) {
			LocalDate from = contract.start().isAfter(this.activity.from()) ? contract.start() : this.activity.from();
			LocalDate to = contract.end() == null || contract.end().isAfter(this.activity.to()) ? this.activity.to()
					: contract.end();
			return new Span(from, to);
		}

		/** @param maintenance the explanation of the maintenance rule, when a contract year depended on it */
		private record Amount(BigDecimal euros, String formula, String maintenance) {
		}

		/**
		 * {@code Σ annual amount of contract year k × days of year k in the exercice / days of year k},
		 * over a common denominator so that the one rounding applies to the exact sum.
		 */
		private Amount amount(Contract contract, BigDecimal fte) {
			Span span = span(contract);
			List<String> parts = new ArrayList<>();
			List<BigDecimal[]> terms = new ArrayList<>();
			long denominator = 1;
			AidMaintenanceCheck maintenance = null;
			LocalDate from = span.from();
			while (!from.isAfter(span.to())) {
				int year = (int) ChronoUnit.YEARS.between(contract.start(), from) + 1;
				LocalDate yearStart = contract.start().plusYears(year - 1);
				LocalDate yearEnd = contract.start().plusYears(year).minusDays(1);
				LocalDate to = yearEnd.isBefore(span.to()) ? yearEnd : span.to();
				long days = ChronoUnit.DAYS.between(from, to) + 1;
				long length = ChronoUnit.DAYS.between(yearStart, yearEnd) + 1;
				List<Tier> tiers = this.aid.schedule().value().year(year);
				String period = "année " + year + " du contrat, " + days + " j sur " + length;
				boolean maintained = true;
				if (tiers != null && this.aid.maintenance().isPresent()
						&& year > this.aid.maintenance().get().value().afterYear()) {
					if (maintenance == null) {
						maintenance = AidMaintenanceCheck.of(this.aid, this.inputs);
					}
					maintained = maintenance.maintained();
				}
				if (tiers == null) {
					parts.add(period + " : aide terminée");
				}
				else if (!maintained) {
					parts.add(period + " : aide non maintenue");
				}
				else {
					TieredRate annual = TieredRate.of(tiers, fte, BigDecimal.ONE, "€", "ETP");
					terms.add(new BigDecimal[] { annual.amount().multiply(BigDecimal.valueOf(days)),
							BigDecimal.valueOf(length) });
					denominator = lcm(denominator, length);
					String perYear = annual.formula().contains(" + ") ? "(" + annual.formula() + ")" : annual.formula();
					parts.add(period + " : " + perYear + " × " + days + "/" + length);
				}
				from = to.plusDays(1);
			}
			BigDecimal numerator = BigDecimal.ZERO;
			for (BigDecimal[] term : terms) {
				numerator = numerator.add(term[0].multiply(BigDecimal.valueOf(denominator).divide(term[1])));
			}
			BigDecimal euros = numerator.divide(BigDecimal.valueOf(denominator), this.rounding.scale(),
					this.rounding.mode());
			return new Amount(euros, parts.isEmpty() ? "aucun jour dans l'exercice" : String.join(" + ", parts),
					maintenance == null ? null : maintenance.explanation());
		}

		private static String professions(FteRatioCap cap) {
			return cap.professions().stream().sorted().map(Profession::label).collect(Collectors.joining(" ou "));
		}

		private static long lcm(long a, long b) {
			return a / gcd(a, b) * b;
		}

		private static long gcd(long a, long b) {
			return b == 0 ? a : gcd(b, a % b);
		}

	}

	/** Days of a contract inside the exercice and the centre's activity, bounds included. */
	private record Span(LocalDate from, LocalDate to) {

		boolean isEmpty() {
			return this.from.isAfter(this.to);
		}

		boolean overlaps(Span other) {
			return !this.from.isAfter(other.to) && !other.from.isAfter(this.to);
		}

	}

}
