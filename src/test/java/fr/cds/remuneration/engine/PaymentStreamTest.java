package fr.cds.remuneration.engine;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What sets a stream apart is a property of the stream: the code asks for the stream computed from
 * the indicators or the stream paid in advance, and never names one.
 */
class PaymentStreamTest {

	@Test
	void theForfaitIsTheOneStreamComputedFromTheIndicatorsAndPaidInAdvance() {
		assertThat(PaymentStream.computedFromIndicators()).isEqualTo(PaymentStream.FORFAIT);
		assertThat(PaymentStream.advanced()).isEqualTo(PaymentStream.FORFAIT);
		assertThat(Arrays.stream(PaymentStream.values()).filter(PaymentStream::fromIndicators))
			.containsExactly(PaymentStream.FORFAIT);
	}

	@Test
	void everyOtherStreamCarriesItsComputationInTheOrderOfTheStatementSections() {
		assertThat(PaymentStream.others()).containsExactly(PaymentStream.MEDECIN_TRAITANT,
				PaymentStream.SUPPLEMENTS_ACTES, PaymentStream.AIDES_CONTRAT);
		assertThat(PaymentStream.others()).noneMatch(PaymentStream::fromIndicators);
	}

}
