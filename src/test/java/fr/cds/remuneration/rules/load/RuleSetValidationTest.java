package fr.cds.remuneration.rules.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each file of {@code src/test/resources/rules/invalid} is the valid {@code minimal.yaml} with one
 * mistake (its first line says which); each is refused with exactly one message naming the file,
 * the line, the rule and the problem.
 */
class RuleSetValidationTest {

	private static final Path RULES = Path.of("src/test/resources/rules");

	@Test
	void theMinimalRuleSetIsValid() {
		RuleSet ruleSet = parse(RULES.resolve("minimal.yaml"));

		assertThat(ruleSet.reference()).isEqualTo("minimal@1");
		assertThat(ruleSet.neutralisations()).hasSize(1);
		assertThat(ruleSet.payments().all()).extracting(r -> r.code()).containsExactly("FORFAIT_MT", "SAS", "ASSISTANT");
		assertThat(ruleSet.payments().contractKinds()).containsExactly("ASSISTANT_MEDICAL");
		var plausibility = ruleSet.parameters().plausibility();
		assertThat(plausibility.actsPerFteDay().at(2021).orElseThrow().value()).isEqualByComparingTo("10");
		assertThat(plausibility.earliestAdhesion().at(2020).orElseThrow().value()).isEqualTo("2002-01-01");
		assertThat(plausibility.extractionLagDays().at(2021).orElseThrow().status().dataValue()).isEqualTo("placeholder");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown-indicator-in-neutralisation.yaml | 38 | neutralisations  | indicateur inconnu 'HORAIRE'
			unknown-indicator-in-condition.yaml      | 45 | BONUS            | indicateur inconnu 'QUALITE' dans une condition
			overlapping-validity.yaml                | 36 | HORAIRES.fixed   | validités qui se chevauchent : les valeurs datées 2020– (ligne 35) et 2021– s'appliquent toutes deux
			value-without-status.yaml                | 36 | HORAIRES.fixed   | valeur sans statut : ajoutez 'status: confirmed', 'analog' ou 'placeholder'
			value-without-source.yaml                | 36 | HORAIRES.fixed   | valeur sans source : ajoutez 'source: <clé de la table des sources>'
			missing-exercice.yaml                    | 35 | HORAIRES.fixed   | exercice manquant : aucune valeur pour [2021] (la règle s'applique en 2020–2021)
			value-before-its-text.yaml               | 35 | HORAIRES.fixed   | datée 2020 mais fixée par avenant, qui ne régit les exercices qu'à partir de 2021 : une modification ne s'applique pas avant le texte qui l'a faite
			socle-without-points.yaml                | 37 | PREVENTION       | indicateur du socle sans points ni rôle de condition : ajoutez des composants, ou 'gate_only: true' pour un socle qui ne fait que conditionner le paiement
			socle-paying-zero.yaml                   | 37 | PREVENTION       | indicateur du socle sans points ni rôle de condition : tous les montants valent 0 ; utilisez 'gate_only: true' pour un socle qui ne fait que conditionner le paiement
			gate-only-not-socle.yaml                 | 37 | PREVENTION       | un indicateur gate_only ne paie rien : il doit donc être du socle partout où il s'applique ; il n'est pas du socle en [2021]
			condition-on-indicator-not-in-force.yaml | 58 | BONUS            | condition sur QUALITE, en vigueur en 2021 seulement, dans une règle qui s'applique en 2020–2021
			neutralised-twice.yaml                   | 39 | neutralisations  | indicateur HORAIRES neutralisé deux fois pour 2021 : une seule décision par indicateur et exercice
			categories-overlapping.yaml              | 40 | FORFAIT_MT.categories | en 2020, un patient de 5 ans, hors ALD, hors C2S, vu relève de 2 catégories [ENFANT, ADULTE] : chaque patient médecin traitant doit relever d'exactement une catégorie
			categories-leaving-patients-out.yaml     | 40 | FORFAIT_MT.categories | en 2020, un patient de 80 ans, hors ALD, hors C2S, vu ne relève d'aucune catégorie : chaque patient médecin traitant doit relever d'exactement une catégorie
			payment-code-of-an-indicator.yaml        | 64 | HORAIRES         | le code HORAIRES est aussi celui d'un indicateur : les centres déclarent les deux dans declarations.csv, chaque code doit donc désigner une seule chose
			two-medecin-traitant-forfaits.yaml       | 63 | medecin_traitant | validités qui se chevauchent : FORFAIT_MT et FORFAIT_BIS s'appliquent tous deux à un même exercice : un seul forfait médecin traitant par exercice
			aid-without-years.yaml                   | 79 | ASSISTANT        | aucune année de contrat sous years : donnez au moins le montant de l'année 1
			plausibility-without-status.yaml         | 25 | plausibility.acts_per_fte_day | valeur sans statut : ajoutez 'status: confirmed', 'analog' ou 'placeholder'
			plausibility-bound-missing.yaml          | 24 | plausibility     | borne 'extraction_lag_days' manquante : donnez toutes les bornes, ou aucune
			""")
	void eachKindOfMistakeIsRefusedWithAPreciseMessage(String file, int line, String rule, String problem) {
		Path path = RULES.resolve("invalid").resolve(file);
		RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> parse(path));

		assertThat(refused).as(file + " must be refused").isNotNull();
		assertThat(refused.problems()).containsExactly(new RuleProblem(file, line, rule, problem));
		assertThat(refused.getMessage()).contains(file + ":" + line + ": [" + rule + "] " + problem);
	}

	@Test
	void oneBadFileRefusesTheWholeDirectoryWithEveryProblemListed() {
		assertThatThrownBy(() -> RuleSetRepository.load(RULES.resolve("invalid").toString()))
			.isInstanceOf(RuleSetException.class)
			.satisfies(ex -> assertThat(((RuleSetException) ex).problems()).hasSize(19))
			.hasMessageContaining("Jeu de règles refusé (19 problèmes)")
			.hasMessageContaining("missing-exercice.yaml:35: [HORAIRES.fixed] exercice manquant");
	}

	private static RuleSet parse(Path path) {
		try {
			return new RuleSetParser().parse(path.toString(), Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
