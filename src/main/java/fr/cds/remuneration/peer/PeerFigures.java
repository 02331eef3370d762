package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.Verdict;
import fr.cds.remuneration.centre.Population;

/**
 * A centre's figures for the peer benchmark, from its result alone: each {@link Measure} is either a
 * value or the French reason why the centre has none (it is then left out of that measure's
 * distribution, and counted as left out).
 *
 * @param type the centre type's code ({@code M}, {@code P}, {@code D}, {@code I})
 * @param values the measures the centre has, exact to {@link #RATIO_SCALE} decimals
 * @param reasons why the centre has no value, for the other measures
 */
public record PeerFigures(String finess, String type, String typeLabel, String regionCode, String regionName,
		Map<Measure, BigDecimal> values, Map<Measure, String> reasons) {

	/** Decimals a ratio is computed to (half-up) before the quartiles: far below the published cent. */
	public static final int RATIO_SCALE = 6;

	public PeerFigures {
		values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
		reasons = reasons.isEmpty() ? Map.of() : new EnumMap<>(reasons);
	}

	public static PeerFigures of(CentreResult result) {
		Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
		Map<Measure, String> reasons = new EnumMap<>(Measure.class);
		BigDecimal forfait = result.totalEuros();

		var base = result.patientBase();
		if (base == null || base.population() != Population.MEDECIN_TRAITANT) {
			reasons.put(Measure.FORFAIT_PER_MT_PATIENT, "sans objet : la patientèle retenue pour ce type de centre"
					+ " n'est pas la patientèle médecin traitant");
		}
		else if (base.counts().patients() == 0) {
			reasons.put(Measure.FORFAIT_PER_MT_PATIENT, "aucun patient médecin traitant");
		}
		else {
			values.put(Measure.FORFAIT_PER_MT_PATIENT, ratio(forfait, BigDecimal.valueOf(base.counts().patients())));
		}

		BigDecimal fte = result.healthProfessionalFte();
		if (fte == null || fte.signum() <= 0) {
			reasons.put(Measure.FORFAIT_PER_FTE, "aucun ETP de professionnel de santé");
		}
		else {
			values.put(Measure.FORFAIT_PER_FTE, ratio(forfait, fte));
		}

		List<IndicatorLine> commitments = result.lines().stream().filter(PeerFigures::isOptionalCommitment).toList();
		if (commitments.isEmpty()) {
			reasons.put(Measure.COMMITMENTS_MET, "aucun engagement optionnel ouvert à ce centre");
		}
		else {
			long met = commitments.stream().filter(l -> l.verdict().counts()).count();
			values.put(Measure.COMMITMENTS_MET, ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(commitments.size())));
		}
		var centre = result.centre();
		return new PeerFigures(centre.finess(), centre.type(), centre.typeLabel(), centre.regionCode(),
				centre.regionName(), values, reasons);
	}

	/**
	 * An optional commitment the centre could meet: not a socle indicator, open to the centre (not
	 * ineligible, not removed by a neutralisation), and not paid on a condition alone (an automatic
	 * line, met without any declared answer, such as the polyvalent nursing supplement, is not a
	 * commitment the centre makes).
	 */
	static boolean isOptionalCommitment(IndicatorLine line) {
		if (line.socle() || line.verdict() == Verdict.NOT_ELIGIBLE || line.verdict() == Verdict.REMOVED) {
			return false;
		}
		return !(line.verdict() == Verdict.MET && line.declared() == null);
	}

	static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
		return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
	}

}
