package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.Resolved;

/**
 * Reads a condition (of an indicator's eligibility, of a component, of a payment): employs,
 * fte_ratio, zone or declared_at_least, with its provenance. An indicator it names is checked by
 * {@link IndicatorReferences} once every indicator of the file is known.
 */
final class ConditionReader {

	private final FileParser file;

	ConditionReader(FileParser file) {
		this.file = file;
	}

	/**
	 * @param owner code of the indicator the condition belongs to
	 * @param applies exercices of the rule that holds the condition
	 */
	Resolved<Condition> read(YamlNode node, String textId, String owner, ExercicePeriod applies) {
		Map<String, YamlNode> f = node.map();
		String kind = required(f, "kind", node.line()).string();
		Set<String> common = Set.of("kind", "status", "source");
		Condition condition = switch (kind) {
			case "employs" -> {
				Map<String, YamlNode> c = node.map(union(common, "professions", "present"));
				yield new Condition.Employs(this.file.professions(required(c, "professions", node.line())),
						required(c, "present", node.line()).bool());
			}
			case "fte_ratio" -> {
				Map<String, YamlNode> c = node.map(union(common, "numerator", "denominator", "ratio", "minimum"));
				yield new Condition.FteRatio(this.file.professions(required(c, "numerator", node.line())),
						this.file.professions(required(c, "denominator", node.line())),
						this.file.nonNegative(required(c, "ratio", node.line())),
						this.file.nonNegative(required(c, "minimum", node.line())));
			}
			case "zone" -> {
				Map<String, YamlNode> c = node.map(union(common, "zones"));
				Set<Zone> zones = EnumSet.noneOf(Zone.class);
				required(c, "zones", node.line()).list()
					.forEach(z -> zones.add(z.oneOf(Zone::fromFileValue, "ZIP, ZAC ou HORS_ZONE")));
				yield new Condition.InZone(zones);
			}
			case "declared_at_least" -> {
				Map<String, YamlNode> c = node.map(union(common, "indicator", "value"));
				YamlNode indicatorNode = required(c, "indicator", node.line());
				String indicator = this.file.code(indicatorNode);
				this.file.indicatorReferences.add(owner, indicator, indicatorNode.line(), applies);
				yield new Condition.DeclaredAtLeast(indicator, this.file.positiveInt(required(c, "value", node.line())));
			}
			default -> throw f.get("kind")
				.fail("condition inconnue '" + kind + "' (attendu : employs, fte_ratio, zone ou declared_at_least)");
		};
		return new Resolved<>(condition, this.file.provenance(f, node, textId));
	}

	static Set<String> union(Set<String> base, String... more) {
		Set<String> all = new HashSet<>(base);
		all.addAll(List.of(more));
		return all;
	}

}
