package fr.cds.remuneration.annual;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements step's one PDF line gives the rendering threads' CPU time per PDF (issue 17,
 * operations), which a loaded machine does not inflate, beside the wall time they spent.
 */
class StatementRenderProcessorSummaryTest {

	@Test
	void theLineGivesTheCpuTimePerPdfAndTheWallTime() {
		// 3,000 PDFs, 45 s of CPU (45,000 ms / 3,000 = 15.0 ms each), 60 s of wall time on the threads
		String line = StatementRenderProcessor.pdfSummary(3_000, 45_000_000_000L, 60_000_000_000L)
			.replace('\u202F', ' ')
			.replace('\u00A0', ' ');
		assertThat(line).isEqualTo(
				"Relevés PDF : 3 000 écrits, 45,0 s de CPU (15,0 ms par relevé), 60,0 s de rendu cumulées sur les fils de calcul");
	}

	@Test
	void noPdfGivesZeroRatherThanADivisionByZero() {
		assertThat(StatementRenderProcessor.pdfSummary(0, 0, 0)).contains("0 écrits").contains("(0,0 ms par relevé)");
	}

}
