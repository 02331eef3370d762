package fr.cds.remuneration.impact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command's timing line: the start-up from the JVM's launch first, then each phase, each with
 * its wall and CPU time, in French. Only the shape is checked: the figures depend on the machine.
 */
class PhaseClockTest {

	@Test
	void theStartUpComesFirstThenEachPhaseWithWallAndCpuInFrench() {
		PhaseClock clock = new PhaseClock();
		clock.lap("lecture des données figées");
		clock.lap("CSV écrits");

		String summary = clock.summary();

		assertThat(summary).matches("démarrage \\(du lancement de la JVM à la commande\\) : \\d+ ms \\(CPU \\d+ ms\\)"
				+ " ; lecture des données figées : \\d+ ms \\(CPU \\d+ ms\\)" + " ; CSV écrits : \\d+ ms \\(CPU \\d+ ms\\)"
				+ " ; charge moyenne -?\\d+,\\d\\d");
	}

}
