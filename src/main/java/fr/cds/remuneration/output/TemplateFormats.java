package fr.cds.remuneration.output;

import java.math.BigDecimal;

import fr.cds.remuneration.common.FrenchFormat;

/** French formatting exposed to the Thymeleaf templates as {@code fmt}. */
public final class TemplateFormats {

	public static final TemplateFormats INSTANCE = new TemplateFormats();

	private TemplateFormats() {
	}

	public String euros(BigDecimal amount) {
		return FrenchFormat.euros(amount);
	}

	/** A difference of amounts, with its sign: {@code +1 234,00 €}, {@code -56,70 €}. */
	public String signedEuros(BigDecimal amount) {
		return (amount.signum() > 0 ? "+" : "") + FrenchFormat.euros(amount);
	}

	public String amount(BigDecimal amount) {
		return FrenchFormat.decimal(amount, 2);
	}

}
