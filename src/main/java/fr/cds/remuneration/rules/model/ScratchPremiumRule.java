package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;

/** SCRATCH: a flat premium per centre, to count the files a new stream costs. */
public record ScratchPremiumRule(String code, String label, Set<CentreType> types, ExercicePeriod validity,
		String textId, Timeline<BigDecimal> euros) implements PaymentRule {

	@Override
	public List<DescribedValues<?>> describedValues() {
		return List.of(new DescribedValues<>("montant", this.euros, v -> v.toPlainString() + " € par centre"));
	}

}
