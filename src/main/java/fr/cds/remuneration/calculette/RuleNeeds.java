package fr.cds.remuneration.calculette;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceComponent;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.ComponentKind;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.PatientBase;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Resolved;

/**
 * What the rules of one exercice read about a centre of one type, so that the form asks for that
 * and nothing else: the staff whose FTE count, the patient lists and statuses counted, whether the
 * dates matter (pro-rata, new-centre derogation) and whether the zone does.
 *
 * @param counts for each patient list read, the count-summary columns read ({@code patients},
 * {@code c2s}…)
 */
record RuleNeeds(Set<Profession> professions, Map<Population, Set<String>> counts, boolean dates, boolean zone) {

	static RuleNeeds of(ExerciceRules rules, CentreType type) {
		List<ExerciceIndicator> indicators = rules.indicators().stream().filter(i -> i.appliesTo(type)).toList();
		List<ExerciceComponent> components = indicators.stream()
			.flatMap(i -> i.components().stream())
			.filter(c -> c.appliesTo(type))
			.toList();
		List<Condition> conditions = Stream
			.concat(indicators.stream().map(i -> i.rule().eligibility()),
					components.stream().map(c -> c.rule().condition()))
			.filter(c -> c != null)
			.map(Resolved::value)
			.toList();

		Set<Profession> professions = EnumSet.copyOf(rules.healthProfessions().value());
		components.stream()
			.filter(c -> c.rule().kind() == ComponentKind.PER_PROFESSIONAL)
			.forEach(c -> professions.addAll(c.rule().professions()));
		for (Condition condition : conditions) {
			if (condition instanceof Condition.Employs employs) {
				professions.addAll(employs.professions());
			}
			else if (condition instanceof Condition.FteRatio ratio) {
				professions.addAll(ratio.numerator());
				professions.addAll(ratio.denominator());
			}
		}

		List<ExercicePayments.ActSupplement> supplements = rules.payments()
			.actSupplements()
			.stream()
			.filter(a -> a.appliesTo(type))
			.toList();
		List<ExercicePayments.ContractAid> aids = rules.payments()
			.contractAids()
			.stream()
			.filter(a -> a.rule().types().contains(type))
			.toList();
		// the caps of the supplements and aids count the FTE of some professions
		supplements.forEach(s -> s.cap().ifPresent(cap -> professions.addAll(cap.value().professions())));
		supplements.stream()
			.filter(s -> s.rule().eligibility() != null && s.rule().eligibility().value() instanceof Condition.Employs)
			.forEach(s -> professions.addAll(((Condition.Employs) s.rule().eligibility().value()).professions()));
		aids.forEach(a -> a.fteRatio().ifPresent(cap -> professions.addAll(cap.value().professions())));

		Population list = rules.patientBase().value().get(type);
		Map<Population, Set<String>> counts = new EnumMap<>(Population.class);
		if (rules.uplift().isPresent()) {
			counts.computeIfAbsent(list, p -> new LinkedHashSet<>()).addAll(List.of("patients", "c2s", "ame"));
		}
		// the precarity uplift of the médecin-traitant forfait counts the C2S patients of that list
		rules.payments().medecinTraitant().filter(m -> m.appliesTo(type) && m.precarity().isPresent()).ifPresent(m -> counts
			.computeIfAbsent(Population.MEDECIN_TRAITANT, p -> new LinkedHashSet<>()).addAll(List.of("patients", "c2s")));
		components.stream().filter(c -> c.rule().kind() == ComponentKind.PER_PATIENT).forEach(c -> {
			PatientBase base = c.rule().base();
			if (base == PatientBase.FILE_ACTIVE_EQUIPE) {
				counts.computeIfAbsent(Population.FILE_ACTIVE_EQUIPE, p -> new LinkedHashSet<>()).add("patients");
			}
			else {
				Set<String> columns = counts.computeIfAbsent(list, p -> new LinkedHashSet<>());
				columns.add("patients");
				columns.add(base == PatientBase.PATIENTS ? "patients" : base.dataValue());
			}
		});
		boolean dates = rules.prorata().value() != ProrataMethod.NONE || rules.newCentreDeclaration().isPresent();
		boolean zone = conditions.stream().anyMatch(c -> c instanceof Condition.InZone) || aids.stream()
			.anyMatch(a -> a.maxContracts().map(cap -> !cap.value().exemptZones().isEmpty()).orElse(false));
		return new RuleNeeds(professions, counts, dates, zone);
	}

}
