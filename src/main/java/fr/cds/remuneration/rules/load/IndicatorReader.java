package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Timeline;

/**
 * Reads one element of the {@code indicators} section: its axis and block, answer, types,
 * validity and text, socle and minimum timelines, eligibility, components ({@link ComponentReader})
 * and the indicators of the previous accord it continues; refuses an indicator that can neither
 * pay nor gate the payment.
 */
final class IndicatorReader {

	/** The keys of an indicator; any other is refused as a typo. */
	private static final Set<String> KEYS = Set.of("code", "label", "axis", "block", "answer", "max_level", "types",
			"validity", "socle", "minimum", "gate_only", "eligibility", "continues", "components", "socle_group");

	private final FileParser file;

	/** Line of each indicator's definition, to refuse one defined twice. */
	private final Map<String, Integer> indicatorLines = new LinkedHashMap<>();

	private final ComponentReader components;

	IndicatorReader(FileParser file) {
		this.file = file;
		this.components = new ComponentReader(file);
	}

	/** One indicator, its axis among {@code axes} and its block among {@code blocks}. */
	IndicatorRule read(YamlNode node, Map<String, String> axes, Map<String, String> blocks) {
		Map<String, YamlNode> f = node.map(KEYS);
		String code = this.file.code(required(f, "code", node.line()));
		Integer firstDefinition = this.indicatorLines.putIfAbsent(code, node.line());
		if (firstDefinition != null) {
			throw node.fail("indicateur défini deux fois (première fois ligne " + firstDefinition + ")");
		}
		String label = required(f, "label", node.line()).string();
		YamlNode axisNode = required(f, "axis", node.line());
		String axis = axisNode.string();
		if (!axes.containsKey(axis)) {
			throw axisNode.fail("axe inconnu '" + axis + "' (attendu : l'un de " + axes.keySet() + ")");
		}
		String block = null;
		if (f.containsKey("block")) {
			block = f.get("block").string();
			if (!blocks.containsKey(block)) {
				throw f.get("block").fail("bloc inconnu '" + block + "' (attendu : l'un de " + blocks.keySet() + ")");
			}
		}
		AnswerType answer = required(f, "answer", node.line())
			.oneOf(v -> DataCode.parse(AnswerType.class, v), "yes_no, level, count, rate ou automatic");
		Integer maxLevel = f.containsKey("max_level") ? f.get("max_level").integer() : null;
		if ((answer == AnswerType.LEVEL) != (maxLevel != null)) {
			throw node.fail("'max_level' est obligatoire pour une réponse de type level, et seulement pour elle");
		}
		Set<CentreType> types = this.file.types(required(f, "types", node.line()));
		YamlNode validityNode = required(f, "validity", node.line());
		ExercicePeriod validity = this.file.period(validityNode, true);
		String textId = this.file.textOf(validityNode, validity);
		ExercicePeriod applies = this.file.bounded(validity, validityNode);
		Timeline<Boolean> socle = this.file.timeline(code + ".socle", required(f, "socle", node.line()), Set.of("value"),
				v -> required(v, "value", node.line()).bool(), applies, true);
		Timeline<Integer> minimum = new Timeline<>(List.of());
		if (f.containsKey("minimum")) {
			if (answer != AnswerType.LEVEL && answer != AnswerType.COUNT && answer != AnswerType.RATE) {
				throw f.get("minimum").fail("'minimum' demande une réponse de type level, count ou rate");
			}
			minimum = this.file.timeline(code + ".minimum", f.get("minimum"), Set.of("value"),
					v -> this.file.positiveInt(v.get("value")), applies, true);
		}
		boolean gateOnly = f.containsKey("gate_only") && f.get("gate_only").bool();
		Resolved<Condition> eligibility = f.containsKey("eligibility")
				? this.file.condition(f.get("eligibility"), textId, code, applies) : null;
		List<YamlNode> componentNodes = f.containsKey("components") ? f.get("components").list() : List.of();
		List<ComponentRule> components = new ArrayList<>();
		for (YamlNode componentNode : componentNodes) {
			ComponentRule component = this.file.guard(code,
					() -> this.components.read(componentNode, code, answer, maxLevel, types, applies, textId));
			if (component != null) {
				components.add(component);
			}
		}
		checkPaysOrGates(node, socle, gateOnly, componentNodes.size(), components);
		Resolved<List<String>> continues = f.containsKey("continues") ? continues(f.get("continues"), textId)
				: null;
		String socleGroup = f.containsKey("socle_group") ? this.file.code(f.get("socle_group")) : null;
		return new IndicatorRule(code, label, axis, block, answer, maxLevel, validity, textId, types, socle, minimum,
				gateOnly, eligibility, List.copyOf(components), continues, socleGroup);
	}

	/**
	 * The indicators of the previous accord that this one continues ({@code indicators}), with the
	 * status and source of that reading of the texts. Whether they exist is checked against the
	 * other rule sets of the location ({@code RuleSetRepository}), not in this file.
	 */
	private Resolved<List<String>> continues(YamlNode node, String textId) {
		Map<String, YamlNode> f = node.map(Set.of("indicators", "status", "source", "text"));
		List<String> codes = required(f, "indicators", node.line()).list().stream().map(this.file::code).toList();
		if (codes.isEmpty()) {
			throw node.fail("'continues' ne désigne aucun indicateur");
		}
		return new Resolved<>(codes, this.file.provenance(f, node, textId));
	}

	/**
	 * An indicator must pay something or gate the payment: a gate-only indicator (no components)
	 * must be socle in every exercice it applies to, and any other must have an amount that is not
	 * zero.
	 */
	private void checkPaysOrGates(YamlNode node, Timeline<Boolean> socle, boolean gateOnly, int declaredComponents,
			List<ComponentRule> components) {
		boolean everSocle = socle.entries().stream().anyMatch(Dated::value);
		if (gateOnly) {
			if (declaredComponents > 0) {
				throw node.fail("un indicateur gate_only n'a pas de composants");
			}
			List<ExercicePeriod> notSocle = socle.entries()
				.stream()
				.filter(e -> !e.value())
				.map(e -> e.period().within(this.file.exercices))
				.toList();
			if (!notSocle.isEmpty()) {
				throw node.fail("un indicateur gate_only ne paie rien : il doit donc être du socle partout où il s'applique ;"
						+ " il n'est pas du socle en " + notSocle.stream().map(ExercicePeriod::toString).toList());
			}
			return;
		}
		String noPay = everSocle ? "indicateur du socle sans points ni rôle de condition : "
				: "indicateur qui ne peut jamais rien payer : ";
		if (declaredComponents == 0) {
			throw node.fail(noPay + "ajoutez des composants, ou 'gate_only: true' pour un socle qui ne fait que conditionner le paiement");
		}
		boolean allZero = components.size() == declaredComponents && components.stream()
			.allMatch(c -> c.values().entries().stream().allMatch(v -> v.value().paysNothing()));
		if (allZero) {
			throw node.fail(noPay + "tous les montants valent 0 ; utilisez 'gate_only: true' pour un socle qui ne fait que conditionner le paiement");
		}
	}

}
