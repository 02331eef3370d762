package fr.cds.remuneration.simulation;

import java.math.BigDecimal;
import java.util.List;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.rules.ExerciceRules;

/**
 * An estimate says which payments it did not estimate and why, instead of showing them at 0 €: a
 * stream whose values were not given (no médecin-traitant patient typed, no count of acts, no
 * contract) is kept, emptied, marked not computed, with the reason.
 */
final class NotEstimated {

	private NotEstimated() {
	}

	/** {@code result} with the streams whose values were not given in {@code values} marked not estimated. */
	static CentreResult mark(CentreResult result, ExerciceRules rules, CentreValues values) {
		List<StreamResult> streams = result.streams().stream().map(s -> {
			String reason = reason(s.stream(), rules, values);
			return reason == null ? s
					: new StreamResult(s.stream(), s.title(), List.of(), List.of(reason), false,
							rules.rounding().value().apply(BigDecimal.ZERO));
		}).toList();
		return new CentreResult(result.centre(), result.exercice(), result.ruleSet(), result.unit(),
				result.pointValueEur(), result.pointValueProvenance(), result.patientBase(),
				result.healthProfessionalFte(), result.prorata(), result.uplift(), result.socle(), result.lines(),
				result.totalEuros(), result.schemes(), result.rejectedRows(), result.notes(), streams);
	}

	/** Why the stream is not estimated, in French, or {@code null} when it is. */
	static String reason(PaymentStream stream, ExerciceRules rules, CentreValues values) {
		return switch (stream) {
			case MEDECIN_TRAITANT -> values.medecinTraitant().isEmpty()
					? "Non estimé : aucun nombre de patients médecin traitant par catégorie n'a été saisi." : null;
			case SUPPLEMENTS_ACTES -> rules.payments()
				.actSupplements()
				.stream()
				.noneMatch(s -> values.answers().containsKey(s.code()))
					? "Non estimé : aucun nombre d'actes n'a été saisi." : null;
			case AIDES_CONTRAT -> values.contracts().isEmpty()
					? "Non estimé : aucun contrat n'a été saisi (saisissez chaque contrat aidé du centre)." : null;
			default -> null;
		};
	}

}
