package fr.cds.remuneration.rules;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInRuleSetsTest {

	private final RuleSetRepository repository = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	@Test
	void sasEffectionIsPaidFor2022Only() {
		assertThat(codes(2022)).contains("SAS_EFFECTION");
		assertThat(codes(2023)).doesNotContain("SAS_EFFECTION");
	}

	@Test
	void latestTextOf2023IsAvenant5() {
		assertThat(this.repository.rulesFor(2023, Optional.empty()).latestText().id()).isEqualTo("avenant-5");
		assertThat(this.repository.rulesFor(2022, Optional.empty()).latestText().id()).isEqualTo("avenant-4");
		assertThat(this.repository.rulesFor(2019, Optional.empty()).latestText().id()).isEqualTo("avenant-1");
	}

	private java.util.List<String> codes(int exercice) {
		return this.repository.rulesFor(exercice, Optional.empty())
			.indicators()
			.stream()
			.map(ExerciceRules.ExerciceIndicator::code)
			.toList();
	}

}
