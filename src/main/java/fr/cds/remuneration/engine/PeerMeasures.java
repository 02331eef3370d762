package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.rules.model.AidMaintenance;

/**
 * A centre's value of a peer measure, computed the same way for the distribution and for the centre
 * compared with it (so that a centre at the threshold compares equal to it).
 */
final class PeerMeasures {

	/** Decimals kept: the measure is a ratio, rounded once here and nowhere else. */
	static final int SCALE = 4;

	private PeerMeasures() {
	}

	/** The measure, or empty when the centre has none (no FTE to divide by, no médecin-traitant list). */
	static Optional<BigDecimal> of(AidMaintenance rule, Centre centre, PatientAggregate patients) {
		return switch (rule.measure()) {
			case MEDECIN_TRAITANT_PER_FTE -> {
				BigDecimal fte = centre.staff().sum(rule.professions());
				if (fte.signum() <= 0 || patients == null || patients.medecinTraitant() == null) {
					yield Optional.empty();
				}
				yield Optional.of(BigDecimal.valueOf(patients.medecinTraitant().patients())
					.divide(fte, SCALE, RoundingMode.HALF_UP));
			}
		};
	}

}
