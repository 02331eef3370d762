package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule-set file: an accord with its avenants, for a range of exercices, in one edition
 * ({@code version}) of the data. A re-processing after an avenant runs under a newer version.
 *
 * @param payments the payments outside the forfait (médecin-traitant forfait, per-act supplements,
 * contract aids), each a stream of its own
 * @param origin where the file was read from (for messages)
 * @param sha256 checksum of the file, recorded with every run that used it; for an amended rule set,
 * of the base file and of every amendment, in order
 * @param layers the base file then the amendments applied over it (one layer for a plain file)
 */
public record RuleSet(String id, String version, String title, Unit unit, ExercicePeriod exercices,
		Map<String, String> axes, Map<String, String> blocks, Map<String, String> sources, List<LegalText> texts,
		Parameters parameters, List<IndicatorRule> indicators, List<Neutralisation> neutralisations,
		PaymentRules payments, String origin, String sha256, List<RuleSetLayer> layers) {

	public RuleSet {
		layers = List.copyOf(layers);
	}

	/** Whether amendment files were applied over the base file. */
	public boolean amended() {
		return this.layers.size() > 1;
	}

	/** Identifier of the rule set and edition, as used in job parameters: {@code id@version}. */
	public String reference() {
		return this.id + "@" + this.version;
	}

	public Optional<IndicatorRule> indicator(String code) {
		return this.indicators.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	/** The label of an indicator or of a payment rule outside the forfait. */
	public Optional<String> label(String code) {
		return indicator(code).map(IndicatorRule::label).or(() -> this.payments.rule(code).map(PaymentRule::label));
	}

	public Optional<LegalText> text(String textId) {
		return this.texts.stream().filter(t -> t.id().equals(textId)).findFirst();
	}

}
