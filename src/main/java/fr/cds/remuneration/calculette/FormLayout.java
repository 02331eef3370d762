package fr.cds.remuneration.calculette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.simulation.CentreValues;
import fr.cds.remuneration.simulation.PatientCounts;

/**
 * The calculette's form for one exercice and one centre type, generated from the rules of that
 * exercice: one answer per declarative indicator of the type (a widget after its answer type),
 * the staff, patient counts, dates and zone the rules read. What only the next exercice's rules
 * read (for the comparison) is asked too, and says so.
 *
 * @param comparedWith the next exercice, whose rules the estimate is compared with, or {@code null}
 * @param dates the dates of the centre, empty when no rule reads them
 * @param zone the zone of the centre, or {@code null} when no rule reads it
 * @param newCentre the new-centre derogation question, or {@code null} when the rules have none
 * @param automatic labels of the indicators computed without a declaration
 */
public record FormLayout(int exercice, CentreType type, Integer comparedWith, List<Field> identity,
		List<Field> dates, Field zone, List<Field> staff, List<CountGroup> counts, List<AnswerField> socle,
		List<AnswerField> optional, AnswerField newCentre, List<String> automatic, MedecinTraitantGroup medecinTraitant,
		List<AnswerField> actSupplements, List<Option> contractKinds, List<String> contractCaps) {

	/** Name of the field holding how many contracts the form shows. */
	public static final String CONTRACT_SLOTS = "contrats";

	/** The columns of a contract in contracts.csv, as the form asks them. */
	public static final List<String> CONTRACT_COLUMNS = List.of("numero_contrat", "type_contrat", "date_debut",
			"date_fin", "etp", "zone");

	/**
	 * The médecin-traitant forfait's questions: its patients by category of the rules, then the
	 * supplements' patients.
	 */
	public record MedecinTraitantGroup(String legend, String hint, List<Field> categories, List<Field> supplements) {

		public List<Field> fields() {
			List<Field> all = new ArrayList<>(this.categories);
			all.addAll(this.supplements);
			return all;
		}

	}

	/** Names of the identity and date fields: the centres.csv columns. */
	public static final String FINESS = "finess", NAME = "raison_sociale", ADHESION = "date_adhesion",
			OPENING = "date_ouverture", CLOSING = "date_fermeture", ZONE = "zone";

	private static final Map<String, String> STATUS_LABELS = Map.of("c2s", "dont bénéficiaires de la C2S", "ame",
			"dont bénéficiaires de l'AME", "ald", "dont patients en ALD", "handicap",
			"dont patients en situation de handicap");

	/** A text field: its name (in the input files' vocabulary), French label and help. */
	public record Field(String name, String label, String hint) {
	}

	/** The counts asked for one patient list. */
	public record CountGroup(String legend, List<Field> fields) {
	}

	public record Option(String value, String label) {
	}

	/** An indicator's answer: a choice among {@code options}, or a whole number when there is none. */
	public record AnswerField(String name, String label, String hint, List<Option> options) {

		public boolean isCount() {
			return this.options.isEmpty();
		}

	}

	static FormLayout of(ExerciceRules rules, Optional<ExerciceRules> next, CentreType type) {
		RuleNeeds needs = RuleNeeds.of(rules, type);
		Optional<RuleNeeds> nextNeeds = next.map(n -> RuleNeeds.of(n, type));
		String onlyNext = next.map(n -> "sert seulement à la comparaison avec l'exercice " + n.exercice()).orElse("");

		List<Field> staff = new ArrayList<>();
		Set<Profession> professions = EnumSet.copyOf(needs.professions());
		nextNeeds.ifPresent(n -> professions.addAll(n.professions()));
		for (Profession profession : professions) {
			staff.add(new Field(InputFile.FTE_PREFIX + profession.column(), "ETP " + profession.label(),
					needs.professions().contains(profession) ? "" : onlyNext));
		}

		Map<Population, Set<String>> columns = new EnumMap<>(Population.class);
		needs.counts().forEach((p, c) -> columns.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(c));
		nextNeeds.ifPresent(n -> n.counts()
			.forEach((p, c) -> columns.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(c)));
		List<CountGroup> counts = new ArrayList<>();
		columns.forEach((population, read) -> {
			List<Field> fields = new ArrayList<>();
			for (String column : read.stream().sorted(Comparator.comparing(PatientCounts.COLUMNS::indexOf)).toList()) {
				boolean current = needs.counts().getOrDefault(population, Set.of()).contains(column);
				fields.add(new Field(CentreValues.countName(column, population),
						column.equals("patients") ? "Nombre de patients" : STATUS_LABELS.get(column),
						current ? "" : onlyNext));
			}
			counts.add(new CountGroup(FrenchFormat.capitalized(population.label()), fields));
		});

		List<AnswerField> socle = new ArrayList<>();
		List<AnswerField> optional = new ArrayList<>();
		List<String> automatic = new ArrayList<>();
		for (ExerciceIndicator indicator : rules.indicators()) {
			if (!indicator.appliesTo(type)) {
				continue;
			}
			if (indicator.rule().answer() == AnswerType.AUTOMATIC) {
				automatic.add(indicator.rule().label());
			}
			else {
				(indicator.isSocle() ? socle : optional).add(answer(indicator));
			}
		}
		AnswerField newCentre = rules.newCentreDeclaration()
			.map(code -> new AnswerField(code.value(),
					"Nouveau centre : les engagements du socle sont prévus (dérogation de première année)",
					"Seulement pour un centre dont l'adhésion date de l'exercice " + rules.exercice()
							+ " : il est alors rémunéré comme si son socle était atteint.",
					yesNo()))
			.orElse(null);
		boolean datesNeeded = payments(rules, type) || needs.dates() || nextNeeds.map(RuleNeeds::dates).orElse(false);
		boolean zoneNeeded = needs.zone() || nextNeeds.map(RuleNeeds::zone).orElse(false);
		return new FormLayout(rules.exercice(), type, next.map(ExerciceRules::exercice).orElse(null), identityFields(),
				datesNeeded ? dateFields(rules.exercice()) : List.of(),
				zoneNeeded ? new Field(ZONE, "Zone du centre", needs.zone() ? "" : onlyNext) : null, staff, counts,
				socle, optional, newCentre, automatic, medecinTraitant(rules, type), actSupplements(rules, type),
				contractKinds(rules, type), contractCaps(rules, type));
	}

	/** Whether a stream outside the forfait applies: the dates bound the days it pays. */
	private static boolean payments(ExerciceRules rules, CentreType type) {
		return !actSupplements(rules, type).isEmpty() || !contractKinds(rules, type).isEmpty();
	}

	/** The questions of the exercice's médecin-traitant forfait, from its categories, or {@code null}. */
	private static MedecinTraitantGroup medecinTraitant(ExerciceRules rules, CentreType type) {
		return rules.payments().medecinTraitant().filter(m -> m.appliesTo(type)).map(m -> {
			List<Field> categories = m.categories()
				.stream()
				.map(c -> new Field(CentreValues.categoryName(c.category().code()),
						"Patients " + c.category().label(), FrenchFormat.euros(c.euros().value()) + " par patient"
								+ " · " + c.category().patients().describe()))
				.toList();
			List<Field> supplements = m.supplements()
				.stream()
				.map(c -> new Field(CentreValues.supplementName(c.category().code()),
						"Patients ouvrant le " + c.category().label(),
						FrenchFormat.euros(c.euros().value()) + " par patient, en plus de sa catégorie · "
								+ c.category().patients().describe()))
				.toList();
			return new MedecinTraitantGroup(m.rule().label(), "Patients ayant déclaré un médecin du centre comme"
					+ " médecin traitant au 31/12/" + rules.exercice() + ", chacun dans une seule catégorie. Laisser"
					+ " toutes les cases vides pour ne pas estimer ce forfait ; 0 compte zéro patient.", categories,
					supplements);
		}).orElse(null);
	}

	/** The per-act supplements of the type, each asked as a count of acts with its cap said. */
	private static List<AnswerField> actSupplements(ExerciceRules rules, CentreType type) {
		return rules.payments().actSupplements().stream().filter(s -> s.appliesTo(type)).map(s -> {
			List<String> hints = new ArrayList<>();
			hints.add("Nombre d'actes de l'exercice, " + FrenchFormat.euros(s.euros().value()) + " par acte");
			s.cap().ifPresent(cap -> hints.add("plafond : " + FrenchFormat.compact(cap.value().perWeek(), 2)
					+ " actes par semaine d'ouverture et par ETP de " + professions(cap.value().professions())
					+ " (les actes au-delà ne sont pas payés)"));
			if (s.rule().eligibility() != null) {
				hints.add("condition : " + s.rule().eligibility().value().describe());
			}
			return new AnswerField(s.code(), s.rule().label(), String.join(" · ", hints), List.of());
		}).toList();
	}

	/** The contract kinds an aid of the exercice pays to the type, empty when none: then no contract is asked. */
	private static List<Option> contractKinds(ExerciceRules rules, CentreType type) {
		List<Option> kinds = new ArrayList<>();
		rules.payments()
			.contractAids()
			.stream()
			.filter(a -> a.rule().types().contains(type))
			.map(a -> a.rule().contract())
			.distinct()
			.forEach(kind -> kinds.add(new Option(kind, rules.payments()
				.contractAids()
				.stream()
				.filter(a -> a.rule().contract().equals(kind) && a.rule().types().contains(type))
				.map(a -> a.rule().label())
				.findFirst()
				.orElse(kind))));
		return kinds;
	}

	/** The caps on the contract aids of the type, in French, to show next to the contracts. */
	private static List<String> contractCaps(ExerciceRules rules, CentreType type) {
		List<String> caps = new ArrayList<>();
		rules.payments().contractAids().stream().filter(a -> a.rule().types().contains(type)).forEach(a -> {
			a.fteRatio().ifPresent(cap -> caps.add(a.rule().label() + " : au plus "
					+ FrenchFormat.compact(cap.value().ratio(), 2) + " ETP aidé par ETP de "
					+ professions(cap.value().professions()) + (cap.value().excess() == FteRatioCap.Excess.REFUSED
							? " (un contrat au-delà est refusé)" : " (au-delà, les ETP aidés sont ramenés au plafond)")));
			a.maxContracts().ifPresent(cap -> caps.add(a.rule().label() + " : au plus " + cap.value().max()
					+ " contrats en cours en même temps"
					+ (cap.value().exemptZones().isEmpty() ? "" : " (sauf en " + cap.value().exemptZones() + ")")));
		});
		return caps;
	}

	private static String professions(Set<Profession> professions) {
		return professions.stream().sorted().map(Profession::label).collect(java.util.stream.Collectors.joining(" ou "));
	}

	/** Whether the form asks for the contracts. */
	public boolean asksContracts() {
		return !this.contractKinds.isEmpty();
	}

	private static List<Field> identityFields() {
		return List.of(new Field(FINESS, "N° FINESS du centre",
				"9 caractères, commençant par le département (ex. 750000010)"),
				new Field(NAME, "Nom du centre (facultatif)", ""));
	}

	private static List<Field> dateFields(int exercice) {
		String before = "laisser vide si elle est antérieure au 1er janvier " + exercice;
		return List.of(new Field(ADHESION, "Date d'adhésion à l'accord national", before),
				new Field(OPENING, "Date d'ouverture", before),
				new Field(CLOSING, "Date de fermeture", "laisser vide si le centre est ouvert"));
	}

	private static AnswerField answer(ExerciceIndicator indicator) {
		List<String> hints = new ArrayList<>();
		hints.add("Code " + indicator.code());
		List<Option> options = switch (indicator.rule().answer()) {
			case YES_NO -> yesNo();
			case LEVEL -> levels(indicator.rule().maxLevel());
			default -> List.of();
		};
		if (indicator.minimum().isPresent()) {
			hints.add("atteint à partir de " + indicator.minimumValue());
		}
		if (indicator.rule().eligibility() != null) {
			hints.add("condition : " + indicator.rule().eligibility().value().describe());
		}
		return new AnswerField(indicator.code(), indicator.rule().label(), String.join(" · ", hints), options);
	}

	private static List<Option> yesNo() {
		return List.of(new Option("", "non déclaré"), new Option("oui", "oui"), new Option("non", "non"));
	}

	private static List<Option> levels(int max) {
		List<Option> options = new ArrayList<>();
		options.add(new Option("", "non déclaré"));
		options.add(new Option("0", "niveau 0 (non atteint)"));
		IntStream.rangeClosed(1, max).forEach(level -> options.add(new Option(String.valueOf(level), "niveau " + level)));
		return options;
	}

	public boolean asksDates() {
		return !this.dates.isEmpty();
	}

	public boolean asksZone() {
		return this.zone != null;
	}

	/** The label of every field, by name, in the order of the form. */
	public Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		this.identity.forEach(f -> labels.put(f.name(), f.label()));
		this.dates.forEach(f -> labels.put(f.name(), f.label()));
		if (this.zone != null) {
			labels.put(this.zone.name(), this.zone.label());
		}
		this.staff.forEach(f -> labels.put(f.name(), f.label()));
		this.counts.forEach(g -> g.fields().forEach(f -> labels.put(f.name(), g.legend() + " : " + f.label())));
		answers().forEach(f -> labels.put(f.name(), f.label()));
		if (this.medecinTraitant != null) {
			this.medecinTraitant.fields().forEach(f -> labels.put(f.name(), f.label()));
		}
		return labels;
	}

	/** Every answer field, socle first. */
	public List<AnswerField> answers() {
		List<AnswerField> all = new ArrayList<>(this.socle);
		all.addAll(this.optional);
		if (this.newCentre != null) {
			all.add(this.newCentre);
		}
		all.addAll(this.actSupplements);
		return all;
	}

	/** Every count field. */
	public List<Field> countFields() {
		return this.counts.stream().flatMap(g -> g.fields().stream()).toList();
	}

}
