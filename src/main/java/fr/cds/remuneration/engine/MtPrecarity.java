package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.rules.model.MtPrecarityUplift;
import fr.cds.remuneration.rules.model.PatientSelector;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;

/**
 * The precarity uplift line of the médecin-traitant forfait: the share of C2S patients among the
 * médecin-traitant patients, above the threshold, times the factor, at most the cap, applied to the
 * sum of the category lines (not to the supplements, which already pay C2S patients). The rate is
 * kept exact and the line rounded once.
 */
final class MtPrecarity {

	static final String CODE = "MAJORATION_PRECARITE_MT";

	private static final PatientSelector C2S = new PatientSelector(null, null, null, true, null);

	private MtPrecarity() {
	}

	static StreamLine line(Resolved<MtPrecarityUplift> resolved, List<StreamLine> categories,
			MedecinTraitantProfile profile, Rounding rounding) {
		MtPrecarityUplift rule = resolved.value();
		BigDecimal base = categories.stream().map(StreamLine::euros).reduce(BigDecimal.ZERO, BigDecimal::add);
		long patients = profile.patients();
		long c2s = profile.count(C2S);
		BigDecimal share = patients == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(c2s).divide(BigDecimal.valueOf(patients), MathContext.DECIMAL128);
		String shareWords = FrenchFormat.integer(c2s) + " patients C2S sur " + FrenchFormat.integer(patients) + " = "
				+ FrenchFormat.percent(share);
		String label = "Majoration précarité du forfait médecin traitant";
		List<fr.cds.remuneration.rules.model.Provenance> provenances = List.of(resolved.provenance());
		if (patients == 0 || BigDecimal.valueOf(c2s).compareTo(rule.threshold().multiply(BigDecimal.valueOf(patients))) <= 0) {
			return new StreamLine(CODE, label, "", "€ de forfait", base, null,
					shareWords + ", pas au-dessus de " + FrenchFormat.percent(rule.threshold()), rounding.apply(BigDecimal.ZERO),
					"part de patients C2S trop faible", resolved.status(), provenances);
		}
		// rate = (c2s − threshold × patients) × factor / patients: one division, in the rounding itself,
		// so that the exact amount is rounded once (141 € × 79/600 = 18.565 € → 18.57 €)
		BigDecimal n = BigDecimal.valueOf(patients);
		BigDecimal numerator = BigDecimal.valueOf(c2s).subtract(rule.threshold().multiply(n)).multiply(rule.factor());
		boolean capped = numerator.compareTo(rule.cap().multiply(n)) > 0;
		BigDecimal rate = capped ? rule.cap() : numerator.divide(n, MathContext.DECIMAL128);
		BigDecimal euros = capped ? rounding.apply(base.multiply(rule.cap()))
				: base.multiply(numerator).divide(n, rounding.scale(), rounding.mode());
		String formula = "(" + shareWords + " − " + FrenchFormat.percent(rule.threshold()) + ") × "
				+ FrenchFormat.compact(rule.factor(), 4) + " = " + FrenchFormat.percent(rate)
				+ (capped ? " (plafond)" : "") + " × " + FrenchFormat.euros(base);
		return new StreamLine(CODE, label, "", "€ de forfait", base, null, formula, euros,
				capped ? "majoration plafonnée à " + FrenchFormat.percent(rule.cap()) : "", resolved.status(), provenances);
	}

}
