package fr.cds.remuneration.rules;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.load.RuleProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The files of a rule-set directory checked together: successive accords must leave no exercice
 * uncovered and never cover the same one, and each edition ({@code id@version}) is one file.
 */
class RuleSetRepositoryTest {

	private static final Path MINIMAL = Path.of("src/test/resources/rules/minimal.yaml");

	@TempDir
	Path directory;

	@Test
	void aGapBetweenTwoAccordsIsAMissingExercice() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("minimal.yaml"));
		writeNextAccord(3);

		assertRefused("minimal-next.yaml: [exercices] exercice manquant : aucun jeu de règles ne couvre 2022"
				+ " (minimal couvre 2020–2021 et minimal-next couvre 2023–2024)");
	}

	@Test
	void twoAccordsCoveringTheSameExerciceAreRefused() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("minimal.yaml"));
		writeNextAccord(1);

		assertRefused("minimal-next.yaml: [exercices] validités qui se chevauchent : minimal couvre 2020–2021"
				+ " et minimal-next couvre 2021–2022");
	}

	@Test
	void successiveAccordsLoadAndTheExerciceChoosesOne() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("minimal.yaml"));
		writeNextAccord(2);

		RuleSetRepository repository = RuleSetRepository.load(this.directory.toString());

		assertThat(repository.forExercice(2021, Optional.empty()).id()).isEqualTo("minimal");
		assertThat(repository.forExercice(2022, Optional.empty()).id()).isEqualTo("minimal-next");
	}

	@Test
	void oneEditionInTwoFilesIsRefused() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("a.yaml"));
		Files.copy(MINIMAL, this.directory.resolve("b.yaml"));

		assertRefused("b.yaml: [ruleset] le jeu de règles minimal@1 est aussi défini dans a.yaml : donnez à chaque édition sa propre version");
	}

	@Test
	void twoEditionsOfOneAccordMayCoverTheSameExercicesAndTheNewestApplies() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("a.yaml"));
		Files.writeString(this.directory.resolve("b.yaml"),
				Files.readString(MINIMAL).replace("version: \"1\"", "version: \"2\""));

		RuleSetRepository repository = RuleSetRepository.load(this.directory.toString());

		assertThat(repository.forExercice(2021, Optional.empty()).reference()).isEqualTo("minimal@2");
	}

	@Test
	void anIndicatorContinuesAnIndicatorInForceTheExerciceBefore() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("minimal.yaml"));
		writeNextAccord(2, "continues: {indicators: [HORAIRES], status: placeholder, source: SRC}");

		RuleSetRepository repository = RuleSetRepository.load(this.directory.toString());

		var continues = repository.rulesFor(2022, Optional.empty()).indicators().get(0).rule().continues();
		assertThat(continues.value()).containsExactly("HORAIRES");
		assertThat(continues.provenance().status()).hasToString("PLACEHOLDER");
	}

	@Test
	void anIndicatorContinuingAnUnknownIndicatorIsRefused() throws IOException {
		Files.copy(MINIMAL, this.directory.resolve("minimal.yaml"));
		writeNextAccord(2, "continues: {indicators: [HORAIRE], status: placeholder, source: SRC}");

		assertRefused("minimal-next.yaml: [HORAIRES.continues] indicateur inconnu 'HORAIRE' : aucun indicateur de ce"
				+ " code n'est en vigueur en 2021");
	}

	private void assertRefused(String problem) {
		assertThatThrownBy(() -> RuleSetRepository.load(this.directory.toString())).isInstanceOfSatisfying(
				RuleSetException.class,
				ex -> assertThat(ex.problems()).extracting(RuleProblem::toString).containsExactly(problem));
	}

	/** The minimal rule set as another accord, {@code minimal-next}, with every year moved by {@code years}. */
	private void writeNextAccord(int years) throws IOException {
		writeNextAccord(years, null);
	}

	/** The same, its indicator with {@code continues} (a YAML line) when given. */
	private void writeNextAccord(int years, String continues) throws IOException {
		String content = Files.readString(MINIMAL).replace("ruleset: minimal", "ruleset: minimal-next");
		if (continues != null) {
			content = content.replace("    components:", "    " + continues + "\n    components:");
		}
		for (int year = 2021; year >= 2019; year--) {
			content = content.replace(String.valueOf(year), String.valueOf(year + years));
		}
		Files.writeString(this.directory.resolve("minimal-next.yaml"), content);
	}

}
