package fr.cds.remuneration.reprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;

/** Why a centre was regularised, in French: a new version of the rules, corrected inputs, or both. */
final class ReprocessReason {

	private ReprocessReason() {
	}

	static String of(Optional<CentreResult> previous, CentreResult current, boolean correctedInputs) {
		List<String> reasons = new ArrayList<>();
		String rules = current.ruleSet().reference();
		String previousRules = previous.map(p -> p.ruleSet().reference()).orElse(null);
		if (!rules.equals(previousRules)) {
			var info = current.ruleSet();
			reasons.add("application de la version " + rules + " des règles (dernier texte : " + info.latestTextTitle()
					+ (info.latestTextPublished() == null ? "" : ", publié le " + FrenchFormat.date(info.latestTextPublished()))
					+ ")" + (previousRules == null ? "" : " au lieu de la version " + previousRules));
		}
		if (correctedInputs) {
			reasons.add("réclamation : données du centre corrigées (extraction des données patients du "
					+ FrenchFormat.date(current.patientBase().extractionDate()) + ")");
		}
		if (reasons.isEmpty()) {
			reasons.add("nouveau calcul de l'exercice selon les règles " + rules);
		}
		String text = String.join(" ; ", reasons);
		return FrenchFormat.capitalized(text);
	}

}
