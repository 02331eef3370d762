package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.Rounding;

/**
 * The médecin-traitant forfait of a centre: for each category of the exercice's rules, the
 * médecin-traitant patients at 31 December that the category selects, times its amount per
 * patient; then the supplements (FMT: per C2S patient). One line per category, rounded once.
 */
final class MedecinTraitantForfait {

	private MedecinTraitantForfait() {
	}

	/** The stream, or empty when no médecin-traitant forfait applies to the centre in the exercice. */
	static Optional<StreamResult> compute(ExerciceRules rules, Centre centre, PatientAggregate patients,
			LocalDate extractionDate) {
		Optional<ExercicePayments.MedecinTraitant> forfait = rules.payments().medecinTraitant();
		if (forfait.isEmpty() || !forfait.get().appliesTo(centre.type())) {
			return Optional.empty();
		}
		ExercicePayments.MedecinTraitant rule = forfait.get();
		Rounding rounding = rules.rounding().value();
		BigDecimal zero = rounding.apply(BigDecimal.ZERO);
		MedecinTraitantProfile profile = patients.medecinTraitant();
		if (profile == null) {
			return Optional.of(new StreamResult(PaymentStream.MEDECIN_TRAITANT, rule.rule().label(), List.of(),
					List.of("Forfait non calculé : il se calcule sur l'âge, l'ALD et la C2S de chaque patient médecin"
							+ " traitant, que seul l'extrait patients donne."),
					false, zero));
		}
		List<StreamLine> lines = new ArrayList<>();
		for (ExercicePayments.Category category : rule.categories()) {
			lines.add(line(category, profile, rounding, ""));
		}
		rule.precarity().ifPresent(p -> lines.add(MtPrecarity.line(p, lines, profile, rounding)));
		for (ExercicePayments.Category supplement : rule.supplements()) {
			lines.add(line(supplement, profile, rounding, "en plus du montant de sa catégorie"));
		}
		List<String> notes = new ArrayList<>();
		notes.add(FrenchFormat.integer(profile.patients()) + " patients ont déclaré un médecin du centre comme médecin"
				+ " traitant au 31/12/" + rules.exercice()
				+ (extractionDate == null ? "" : " (extraction du " + FrenchFormat.date(extractionDate) + ")")
				+ " ; chacun compte dans une seule catégorie.");
		return Optional.of(StreamResult.of(PaymentStream.MEDECIN_TRAITANT, rule.rule().label(), lines, notes, zero));
	}

	private static StreamLine line(ExercicePayments.Category category, MedecinTraitantProfile profile,
			Rounding rounding, String note) {
		long count = profile.count(category.category().patients());
		BigDecimal rate = category.euros().value();
		BigDecimal euros = rounding.apply(rate.multiply(BigDecimal.valueOf(count)));
		return new StreamLine(category.category().code(), category.category().label(), "", "patients",
				BigDecimal.valueOf(count), rate,
				FrenchFormat.integer(count) + (count > 1 ? " patients × " : " patient × ") + FrenchFormat.euros(rate), euros,
				note,
				category.euros().status(), List.of(category.euros().provenance()));
	}

}
