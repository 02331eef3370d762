package fr.cds.remuneration.snapshot;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.snapshot.RunStore.Located;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accepted declaration answers as a run stores them (one row per centre and chunk, since
 * issue 21) and as runs stored them before (one row per answer, {@code RUN_DECLARATION}): every
 * reader gives the same answers, counts and duplicate keys for both, and merges a centre whose
 * answers fall in two chunks.
 */
class StoredDeclarationsTest {

	private static final String MEDICAL = "750000101";

	private static final String DENTAL = "690000104";

	private JdbcTemplate jdbc;

	private RunStore store;

	@BeforeEach
	void database() {
		this.jdbc = MigratedH2.fresh("stored-declarations");
		this.store = new RunStore(this.jdbc);
	}

	private static Located<DeclarationAnswer> answer(String finess, String indicator, String value, long line) {
		return new Located<>(new DeclarationAnswer(new Finess(finess), indicator, value), line);
	}

	@Test
	void answersStoredByCentreReadAsOneDeclarationPerCentreAcrossChunks() {
		// chunk 1 ends in the middle of the medical centre's answers; chunk 2 holds the rest
		this.store.saveDeclarations(2, List.of(answer(MEDICAL, "ACCES_HORAIRES", "oui", 2),
				answer(MEDICAL, "CONCERTATION", "75 %", 3), answer(DENTAL, "ACCES_HORAIRES", "non", 4)));
		this.store.saveDeclarations(2, List.of(answer(MEDICAL, "SYSTEME_INFO", "2", 5),
				answer(DENTAL, "SOINS_NON_PROGRAMMES", "oui", 6)));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_DECLARATION_ANSWERS WHERE RUN_ID = 2",
				Integer.class)).isEqualTo(4);
		Map<String, Declaration> declarations = this.store.declarations(2);
		assertThat(declarations).containsOnlyKeys(MEDICAL, DENTAL);
		assertThat(declarations.get(MEDICAL).answers()).containsExactlyInAnyOrderEntriesOf(
				Map.of("ACCES_HORAIRES", "oui", "CONCERTATION", "75 %", "SYSTEME_INFO", "2"));
		assertThat(declarations.get(DENTAL).answers())
			.containsExactlyInAnyOrderEntriesOf(Map.of("ACCES_HORAIRES", "non", "SOINS_NON_PROGRAMMES", "oui"));
		assertThat(this.store.declaration(2, MEDICAL)).isEqualTo(declarations.get(MEDICAL));
		assertThat(this.store.declarationCount(2)).isEqualTo(5);
		assertThat(this.store.declarationKeys(2)).containsExactlyInAnyOrder(MEDICAL + "|ACCES_HORAIRES",
				MEDICAL + "|CONCERTATION", MEDICAL + "|SYSTEME_INFO", DENTAL + "|ACCES_HORAIRES",
				DENTAL + "|SOINS_NON_PROGRAMMES");
		// each answer keeps its line of declarations.csv
		assertThat(this.jdbc.queryForObject(
				"SELECT ANSWERS FROM RUN_DECLARATION_ANSWERS WHERE RUN_ID = 2 AND FIRST_LINE = 2", String.class))
			.contains("\"line\":2").contains("\"line\":3").doesNotContain("\"line\":4");
	}

	@Test
	void answersOfARunStoredBeforeOneRowPerCentreStillRead() {
		// as the code before issue 21 stored them
		this.jdbc.update("INSERT INTO RUN_DECLARATION (RUN_ID, FINESS, INDICATOR, ANSWER, SOURCE_LINE) VALUES"
				+ " (1, ?, 'ACCES_HORAIRES', 'oui', 2), (1, ?, 'CONCERTATION', '75 %', 3), (1, ?, 'ACCES_HORAIRES', 'non', 4)",
				MEDICAL, MEDICAL, DENTAL);
		this.store.saveDeclarations(2, List.of(answer(DENTAL, "ACCES_HORAIRES", "oui", 2)));

		Map<String, Declaration> declarations = this.store.declarations(1);
		assertThat(declarations).containsOnlyKeys(MEDICAL, DENTAL);
		assertThat(declarations.get(MEDICAL).answers())
			.containsExactlyInAnyOrderEntriesOf(Map.of("ACCES_HORAIRES", "oui", "CONCERTATION", "75 %"));
		assertThat(declarations.get(DENTAL).answers()).containsExactlyEntriesOf(Map.of("ACCES_HORAIRES", "non"));
		assertThat(this.store.declaration(1, MEDICAL)).isEqualTo(declarations.get(MEDICAL));
		assertThat(this.store.declarationCount(1)).isEqualTo(3);
		assertThat(this.store.declarationKeys(1)).containsExactlyInAnyOrder(MEDICAL + "|ACCES_HORAIRES",
				MEDICAL + "|CONCERTATION", DENTAL + "|ACCES_HORAIRES");
		// the other run's answers stay its own
		assertThat(this.store.declarations(2).get(DENTAL).answers()).containsExactlyEntriesOf(Map.of("ACCES_HORAIRES", "oui"));
		assertThat(this.store.declarationCount(2)).isEqualTo(1);
	}

}
