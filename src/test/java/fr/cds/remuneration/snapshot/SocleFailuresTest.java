package fr.cds.remuneration.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary report's count of centres per failed socle indicator: read from the codes stored
 * beside each result ({@code SOCLE_FAILED}, issue 21), and for rows stored before that column (null)
 * from the decoded result, with the same counts.
 */
class SocleFailuresTest {

	private JdbcTemplate jdbc;

	private RunStore store;

	@BeforeEach
	void database() {
		this.jdbc = MigratedH2.fresh("socle-failures");
		this.store = new RunStore(this.jdbc);
	}

	/**
	 * The 2024 socle of a medical centre is ACCES_HORAIRES, COORDINATION, SI_STANDARD and CRISE_PLAN
	 * (accord-2015.yaml): one centre answers all four, one answers ACCES_HORAIRES and COORDINATION
	 * only, one answers none.
	 */
	private static List<CentreResult> results() {
		var rules = RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty());
		RemunerationEngine engine = new RemunerationEngine();
		return List.of(
				engine.compute(rules, CentreFixture.centre("750000101", CentreType.MEDICAL).socle2024().inputs()),
				engine.compute(rules, CentreFixture.centre("690000104", CentreType.MEDICAL)
					.answer("ACCES_HORAIRES", "oui")
					.answer("COORDINATION", "oui")
					.inputs()),
				engine.compute(rules, CentreFixture.centre("130000011", CentreType.MEDICAL).inputs()));
	}

	@Test
	void theFailedIndicatorsAreCountedFromTheStoredCodes() {
		this.store.saveResults(7, results());

		// by hand: SI_STANDARD and CRISE_PLAN missed by two centres, ACCES_HORAIRES and COORDINATION by one
		Map<String, Long> expected = Map.of("ACCES_HORAIRES", 1L, "COORDINATION", 1L, "SI_STANDARD", 2L, "CRISE_PLAN", 2L);
		assertThat(this.store.socleFailures(7)).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(this.jdbc.queryForList("SELECT SOCLE_FAILED FROM CENTRE_RESULT WHERE RUN_ID = 7 ORDER BY FINESS",
				String.class))
			.containsExactly("[\"ACCES_HORAIRES\",\"COORDINATION\",\"SI_STANDARD\",\"CRISE_PLAN\"]",
					"[\"SI_STANDARD\",\"CRISE_PLAN\"]", "[]");
	}

	@Test
	void resultsStoredBeforeTheColumnAreDecodedWithTheSameCounts() {
		this.store.saveResults(7, results());
		Map<String, Long> fromColumn = this.store.socleFailures(7);

		// as a run stored before V38_2: no codes beside the result
		this.jdbc.update("UPDATE CENTRE_RESULT SET SOCLE_FAILED = NULL WHERE RUN_ID = 7 AND FINESS <> '690000104'");

		assertThat(this.store.socleFailures(7)).isEqualTo(fromColumn).hasSize(4);
		this.jdbc.update("UPDATE CENTRE_RESULT SET SOCLE_FAILED = NULL WHERE RUN_ID = 7");
		assertThat(this.store.socleFailures(7)).isEqualTo(fromColumn);
	}

}
