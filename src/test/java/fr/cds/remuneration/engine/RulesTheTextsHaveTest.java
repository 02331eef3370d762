package fr.cds.remuneration.engine;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the official texts have and the shipped rule sets lacked (issue 22 §3,
 * docs/evidence/2026-12-rules-evidence.md §6.1), with amounts computed by hand from the values
 * written in accord-2015.yaml (placeholders where no amount is public).
 */
class RulesTheTextsHaveTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private final RemunerationEngine engine = new RemunerationEngine();

	/** The téléservices indicator of médical and polyvalent centres: 100 points to 2019, 150 from 2020 (placeholders). */
	@Test
	void theTeleservicesIndicatorIsRevaluedIn2020() {
		assertThat(points(RULES.rulesFor(2019, Optional.empty()), "TELESERVICES")).isEqualByComparingTo("100");
		ExerciceRules in2020 = RULES.rulesFor(2020, Optional.empty());
		assertThat(points(in2020, "TELESERVICES")).isEqualByComparingTo("150");
		var indicator = in2020.indicators().stream().filter(i -> i.code().equals("TELESERVICES")).findFirst().orElseThrow();
		assertThat(indicator.appliesTo(CentreType.MEDICAL)).isTrue();
		assertThat(indicator.appliesTo(CentreType.DENTAIRE)).isFalse();
		assertThat(indicator.components().get(0).value().status()).isEqualTo(ValueStatus.PLACEHOLDER);
	}

	/**
	 * CAMCDSD, 4,000 € per dentist FTE and year, renewed tacitly: 2 FTE from 1 Jan 2024 earn 8,000 € in
	 * 2024 and still 8,000 € in 2028, the contract's 5th year.
	 */
	@Test
	void theDentalMaintenanceContractPaysFourThousandPerFteAndYear() {
		CentreFixture centre = CentreFixture.centre("970400107", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, "2")
			.contract("CAM-1", "CAMCDSD", "2024-01-01", null, "2", Zone.ZIP);

		assertThat(aids(2024, centre).totalEuros()).isEqualByComparingTo("8000.00");
		assertThat(aids(2025, centre).totalEuros()).isEqualByComparingTo("8000.00");
	}

	/** Avenant 3's nursing demographic contract: 10,000 € per FTE in the contract's first year (placeholder). */
	@Test
	void theNursingDemographicContractIsPaidInItsFirstYear() {
		CentreFixture centre = CentreFixture.centre("750000101", CentreType.INFIRMIER)
			.staff(Profession.INFIRMIER, "3")
			.contract("DEM-1", "DEMOGRAPHIQUE_INFIRMIER", "2021-01-01", null, "1.5", Zone.ZIP);

		assertThat(aids(2021, centre).totalEuros()).isEqualByComparingTo("15000.00");
		assertThat(aids(2022, centre).totalEuros()).isEqualByComparingTo("0.00");
	}

	/** Tele-expertise acts: 12 declared acts × 10 € (placeholder) = 120 € in 2024. */
	@Test
	void teleExpertiseActsArePaidPerAct() {
		CentreResult result = this.engine.compute(RULES.rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL)
					.staff(Profession.MEDECIN_GENERALISTE, "2")
					.answer("TELE_EXPERTISE", "12")
					.inputs());

		StreamLine line = result.stream(PaymentStream.SUPPLEMENTS_ACTES).orElseThrow().lines().stream()
			.filter(l -> l.code().equals("TELE_EXPERTISE"))
			.findFirst()
			.orElseThrow();
		assertThat(line.euros()).isEqualByComparingTo("120.00");
	}

	private StreamResult aids(int exercice, CentreFixture centre) {
		return this.engine.compute(RULES.rulesFor(exercice, Optional.empty()), centre.inputs())
			.stream(PaymentStream.AIDES_CONTRAT)
			.orElseThrow();
	}

	private static java.math.BigDecimal points(ExerciceRules rules, String code) {
		var indicator = rules.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
		return ((ComponentValue.Fixed) indicator.components().get(0).value().value()).amount();
	}

}
