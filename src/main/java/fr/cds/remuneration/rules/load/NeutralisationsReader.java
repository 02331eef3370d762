package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Provenance;

/**
 * Reads the {@code neutralisations} section: an indicator met or removed for one exercice by a
 * decision of the parties, checked against the indicators read (one decision per indicator and
 * exercice, in an exercice where the indicator applies).
 */
final class NeutralisationsReader {

	private final FileParser file;

	NeutralisationsReader(FileParser file) {
		this.file = file;
	}

	List<Neutralisation> read(YamlNode node, List<IndicatorRule> indicators) {
		List<Neutralisation> result = new ArrayList<>();
		List<YamlNode> items = this.file.guard("neutralisations", node::list);
		if (items == null) {
			return result;
		}
		for (YamlNode item : items) {
			Neutralisation neutralisation = this.file.guard("neutralisations", () -> {
				Map<String, YamlNode> f = item.map(
						Set.of("exercice", "indicator", "effect", "reason", "status", "source", "text"));
				int exercice = required(f, "exercice", item.line()).integer();
				if (!this.file.exercices.contains(exercice)) {
					throw item.fail("exercice " + exercice + " hors des exercices du jeu de règles " + this.file.exercices);
				}
				YamlNode indicatorNode = required(f, "indicator", item.line());
				String code = indicatorNode.string();
				if (!this.file.declaredCodes.contains(code)) {
					throw indicatorNode.fail("indicateur inconnu '" + code + "'");
				}
				IndicatorRule indicator = indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
				if (indicator == null) {
					// defined but refused: already reported with its own problem
					return null;
				}
				if (result.stream().anyMatch(n -> n.exercice() == exercice && n.indicator().equals(code))) {
					throw indicatorNode.fail("indicateur " + code + " neutralisé deux fois pour " + exercice
							+ " : une seule décision par indicateur et exercice");
				}
				if (!indicator.validity().contains(exercice)) {
					throw indicatorNode.fail("l'indicateur " + code + " ne s'applique pas en " + exercice);
				}
				Neutralisation.Effect effect = required(f, "effect", item.line())
					.oneOf(v -> DataCode.parse(Neutralisation.Effect.class, v), "met ou removed");
				String reason = required(f, "reason", item.line()).string();
				Provenance provenance = this.file.provenance(f, item, indicator.textId());
				this.file.checkGoverned(new ExercicePeriod(exercice, exercice), provenance.textId(), item);
				return new Neutralisation(exercice, code, effect, reason, provenance);
			});
			if (neutralisation != null) {
				result.add(neutralisation);
			}
		}
		return List.copyOf(result);
	}

}
