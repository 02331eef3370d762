package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.ScratchPremiumRule;

/** SCRATCH: a flat premium per centre of the types the rule names. */
final class ScratchPremium {

	private ScratchPremium() {
	}

	static Optional<StreamResult> compute(ExerciceRules rules, CentreInputs inputs, ProrataResult activity) {
		List<ScratchPremiumRule> premiums = rules.paymentRules(ScratchPremiumRule.class)
			.stream()
			.filter(r -> r.types().contains(inputs.centre().type()))
			.toList();
		if (premiums.isEmpty()) {
			return Optional.empty();
		}
		Rounding rounding = rules.rounding().value();
		List<StreamLine> lines = premiums.stream().map(r -> {
			Resolved<BigDecimal> euros = r.euros().at(rules.exercice()).orElseThrow();
			return new StreamLine(r.code(), r.label(), "", "centre", BigDecimal.ONE, euros.value(),
					"1 × " + FrenchFormat.euros(euros.value()), rounding.apply(euros.value()), "",
					euros.provenance().status(), List.of(euros.provenance()));
		}).toList();
		return Optional.of(StreamResult.of(PaymentStream.PRIME_ESSAI, "Prime d'essai", lines, List.of(),
				rounding.apply(BigDecimal.ZERO)));
	}

}
