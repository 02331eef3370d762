package fr.cds.remuneration.input;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Plausibility limits and reject thresholds of the input validation ({@code cds.input.*}).
 *
 * @param maxFtePerProfession FTE above which a staff figure is refused as absurd
 * @param maxPatientRejectRate share of rejected patient rows above which the run stops before
 * any payment (0.001 = 0.1 %)
 * @param maxDeclarationRejectRate the same for declarations
 * @param maxContractRejectRate the same for contracts (a rejected contract of a listed centre holds
 * that centre, below the limit as above)
 */
@ConfigurationProperties("cds.input")
public record InputLimits(BigDecimal maxFtePerProfession, BigDecimal maxPatientRejectRate,
		BigDecimal maxDeclarationRejectRate, BigDecimal maxContractRejectRate) {

	public InputLimits {
		maxFtePerProfession = maxFtePerProfession == null ? new BigDecimal("300") : maxFtePerProfession;
		maxPatientRejectRate = maxPatientRejectRate == null ? new BigDecimal("0.001") : maxPatientRejectRate;
		maxDeclarationRejectRate = maxDeclarationRejectRate == null ? new BigDecimal("0.01") : maxDeclarationRejectRate;
		maxContractRejectRate = maxContractRejectRate == null ? new BigDecimal("0.01") : maxContractRejectRate;
	}

	public static InputLimits defaults() {
		return new InputLimits(null, null, null, null);
	}

}
