package fr.cds.remuneration.snapshot;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.engine.StreamResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A centre's result as the code before the one-stream model (issue 16 §3) stored it in
 * CENTRE_RESULT.RESULT_JSON: the forfait in the result's own fields, the other streams in
 * {@code streams}. The file was copied from the database of a run of the README command on
 * input-samples; the expected totals are that run's TOTAL_EUR column and its CENTRE_STREAM_RESULT
 * rows (54 318,36 € forfait; 7 132,00 € médecin traitant; 0,00 € supplements and aids), not
 * values recomputed by the code under test.
 */
class StoredResultOfOlderRunsTest {

	private static final Path STORED = Path.of("src/test/resources/snapshot/centre-result-2024-130000011.json");

	private static CentreResult stored() throws IOException {
		return SnapshotJson.read(Files.readString(STORED, StandardCharsets.UTF_8), CentreResult.class);
	}

	@Test
	void aResultStoredBeforeTheOneStreamModelReadsWithTheForfaitAsTheFirstOfItsStreams() throws IOException {
		CentreResult result = stored();

		List<StreamResult> payments = result.payments();
		assertThat(payments).extracting(StreamResult::stream).containsExactly(PaymentStream.FORFAIT,
				PaymentStream.MEDECIN_TRAITANT, PaymentStream.SUPPLEMENTS_ACTES, PaymentStream.AIDES_CONTRAT);
		assertThat(payments).extracting(StreamResult::totalEuros).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("54318.36"), new BigDecimal("7132.00"), BigDecimal.ZERO, BigDecimal.ZERO);
		assertThat(payments).allMatch(StreamResult::computed);
		// the forfait's detail stays the indicator lines of the stored result
		assertThat(result.forfait().title()).isEqualTo("rémunération forfaitaire");
		assertThat(result.lines()).isNotEmpty();
	}

	@Test
	void theTotalsOfAStoredResultFoldOverItsStreams() throws IOException {
		CentreResult result = stored();

		assertThat(result.totalsByStream().keySet()).containsExactly(PaymentStream.FORFAIT,
				PaymentStream.MEDECIN_TRAITANT, PaymentStream.SUPPLEMENTS_ACTES, PaymentStream.AIDES_CONTRAT);
		// 54 318,36 + 7 132,00 + 0 + 0, by hand
		assertThat(result.grandTotalEuros()).isEqualByComparingTo("61450.36");
	}

	@Test
	void theStreamsOutsideTheIndicatorsAreTheOthersInStreamOrder() {
		assertThat(PaymentStream.others()).containsExactly(PaymentStream.MEDECIN_TRAITANT,
				PaymentStream.SUPPLEMENTS_ACTES, PaymentStream.AIDES_CONTRAT);
		assertThat(PaymentStream.FORFAIT.fromIndicators()).isTrue();
	}

}
