package fr.cds.remuneration.calculette;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.PatientSelector;
import fr.cds.remuneration.simulation.MedecinTraitantCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other payments in the form come from the rule data of the exercice: the FPMT bands with
 * their 2023 and 2024 amounts, the 2026 FMT categories and its C2S supplement; the supplements and
 * contracts only for the types they pay. Typed médecin-traitant counts become a profile that gives
 * each count back, the C2S supplement spread over the categories.
 */
class EveryPaymentFormTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	@Test
	void theMedecinTraitantQuestionsAreTheCategoriesOfTheExercice() {
		FormLayout fpmt2023 = layout(2023, CentreType.MEDICAL);
		FormLayout fpmt2024 = layout(2024, CentreType.MEDICAL);
		FormLayout fmt2026 = layout(2026, CentreType.MEDICAL);
		assertThat(names(fpmt2024)).containsExactly("mt_MOINS_7_ANS", "mt_DE_7_A_79_ANS", "mt_AGE_80_ET_PLUS",
				"mt_ALD_MOINS_80_ANS", "mt_ALD_80_ANS_ET_PLUS");
		// the 2024 raise of avenant 5: 42 € → 46 € for the 80 and over
		assertThat(hint(fpmt2023, "mt_AGE_80_ET_PLUS")).startsWith("42,00");
		assertThat(hint(fpmt2024, "mt_AGE_80_ET_PLUS")).startsWith("46,00");
		assertThat(names(fmt2026)).contains("mt_NON_VU_2_ANS", "mt_DE_75_A_79_ANS", "mt_supplement_C2S")
			.doesNotContain("mt_DE_7_A_79_ANS");
		// before 2018 no FPMT; dental and nursing centres have none
		assertThat(layout(2017, CentreType.MEDICAL).medecinTraitant()).isNull();
		assertThat(layout(2024, CentreType.DENTAIRE).medecinTraitant()).isNull();
	}

	@Test
	void supplementsAndContractsAreAskedOnlyForTheTypesTheyPay() {
		FormLayout polyvalent = layout(2024, CentreType.POLYVALENT);
		assertThat(polyvalent.actSupplements()).extracting(FormLayout.AnswerField::name)
			.contains("MAJORATION_SAS", "SF_REFERENTE");
		assertThat(polyvalent.actSupplements().get(0).hint()).contains("plafond : 20 actes par semaine");
		assertThat(polyvalent.contractKinds()).extracting(FormLayout.Option::value)
			.contains("ASSISTANT_MEDICAL", "IPA", "CAI", "COSCO");
		assertThat(polyvalent.contractCaps()).anyMatch(c -> c.contains("au plus 4 contrats"));
		assertThat(layout(2024, CentreType.DENTAIRE).actSupplements()).extracting(FormLayout.AnswerField::name)
			.contains("SF_REFERENTE")
			.doesNotContain("MAJORATION_SAS");
		assertThat(layout(2024, CentreType.DENTAIRE).contractKinds()).extracting(FormLayout.Option::value)
			.contains("CAICDSD")
			.doesNotContain("ASSISTANT_MEDICAL", "IPA");
		// no supplement nor aid before they exist
		assertThat(layout(2019, CentreType.POLYVALENT).actSupplements()).isEmpty();
		// the caps read the doctors' FTE: the form asks them
		assertThat(polyvalent.staff()).extracting(FormLayout.Field::name).contains("etp_medecin_generaliste");
	}

	@Test
	void typedCountsGiveEachCountBackWithTheSupplementSpread() {
		ExercicePayments.MedecinTraitant fmt = RULES.rulesFor(2026, Optional.empty()).payments().medecinTraitant()
			.orElseThrow();
		MedecinTraitantCounts.Checked checked = MedecinTraitantCounts.check(fmt, Map.of("mt_NON_VU_2_ANS", "10",
				"mt_DE_7_A_74_ANS", "100", "mt_ALD_80_ANS_ET_PLUS", "5", "mt_supplement_C2S", "30"));
		assertThat(checked.refusals()).isEmpty();
		MedecinTraitantProfile profile = checked.profile();
		assertThat(profile.patients()).isEqualTo(115);
		assertThat(profile.count(new PatientSelector(null, null, null, true, null))).isEqualTo(30);
		assertThat(profile.count(new PatientSelector(7, 74, false, null, false))).isEqualTo(100);
		assertThat(profile.count(new PatientSelector(null, null, null, null, true))).isEqualTo(10);
		assertThat(profile.count(new PatientSelector(80, null, true, null, false))).isEqualTo(5);
		// more supplement patients than patients cannot be
		MedecinTraitantCounts.Checked tooMany = MedecinTraitantCounts.check(fmt,
				Map.of("mt_DE_7_A_74_ANS", "10", "mt_supplement_C2S", "11"));
		assertThat(tooMany.profile()).isNull();
		assertThat(tooMany.refusals()).singleElement()
			.satisfies(r -> assertThat(r.name()).isEqualTo("mt_supplement_C2S"));
		assertThat(MedecinTraitantCounts.check(fmt, Map.of("mt_DE_7_A_74_ANS", "beaucoup")).refusals())
			.singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("n'est pas un nombre entier"));
	}

	private static List<String> names(FormLayout layout) {
		return layout.medecinTraitant().fields().stream().map(FormLayout.Field::name).toList();
	}

	private static String hint(FormLayout layout, String name) {
		return layout.medecinTraitant().fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow()
			.hint();
	}

	private static FormLayout layout(int exercice, CentreType type) {
		ExerciceRules rules = RULES.rulesFor(exercice, Optional.empty());
		return FormLayout.of(rules, Optional.empty(), type);
	}


}
