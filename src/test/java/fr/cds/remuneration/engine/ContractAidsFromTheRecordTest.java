package fr.cds.remuneration.engine;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three contract-aid values the public record contradicted (docs/evidence/2026-12-rules-evidence.md
 * C15, C16, C19), against amounts computed by hand from the quoted sources and the project's
 * stated readings. Each test fails on the rule set shipped before the fix.
 */
class ContractAidsFromTheRecordTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private final RemunerationEngine engine = new RemunerationEngine();

	/**
	 * CAI and COSCO exist from avenant 1 (exercice 2017), not from 2020. A CAI of 1 FTE signed on 1
	 * Jan 2017 in a ZIP: year 1 of the contract is the whole of 2017 (365 days), first instalment
	 * 30,000 / 2 = 15,000 € (pre-2020 amount a placeholder). A COSCO of 2 doctor FTE from 1 Jan 2018:
	 * 2 × 5,000 = 10,000 € in 2018, confirmed.
	 */
	@Test
	void caiAndCoscoArePaidFromAvenantOne() {
		StreamResult in2017 = aids(2017, CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "1")
			.contract("CAI-1", "CAI", "2017-01-01", null, "1", Zone.ZIP));
		assertThat(euros(in2017)).containsExactly("CAI-1 15000.00");
		assertThat(in2017.lines().get(0).status()).isEqualTo(ValueStatus.PLACEHOLDER);

		StreamResult in2018 = aids(2018, CentreFixture.centre("750000101", CentreType.POLYVALENT)
			.staff(Profession.MEDECIN_GENERALISTE, "2")
			.contract("COSCO-1", "COSCO", "2018-01-01", null, "2", Zone.ZIP));
		assertThat(euros(in2018)).containsExactly("COSCO-1 10000.00");
		assertThat(in2018.lines().get(0).status()).isEqualTo(ValueStatus.CONFIRMED);
	}

	/**
	 * « Aide versée en 2 fois »: a CAI of 2 FTE signed on 1 Jan 2021 (30,000 € for the 1st FTE, 25,000
	 * € for the 2nd: 55,000 € in all) pays half in contract year 1 (2021) and half in year 3 (2023),
	 * nothing in year 2 (2022) nor after; the two instalments add up to the whole aid.
	 */
	@Test
	void theCaiIsPaidInTwoInstalmentsInContractYearsOneAndThree() {
		CentreFixture centre = CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "2")
			.contract("CAI-2", "CAI", "2021-01-01", null, "2", Zone.ZIP);

		assertThat(euros(aids(2021, centre))).containsExactly("CAI-2 27500.00");
		assertThat(euros(aids(2022, centre))).containsExactly("CAI-2 0.00");
		assertThat(euros(aids(2023, centre))).containsExactly("CAI-2 27500.00");
		assertThat(euros(aids(2024, centre))).containsExactly("CAI-2 0.00");
		assertThat(aids(2021, centre).lines().get(0).status().isProvisional()).as("the timing is a reading").isTrue();
	}

	/**
	 * CAICDSD of 5 dentist FTE from 1 Jan 2024, read as "6,000 € per FTE and year beyond 3 FTE": year 1
	 * (2024, 366 days) 3 × 50,000 + 2 × 6,000 = 162,000 €; year 2 (2025) 2 × 6,000 = 12,000 €; the
	 * contract runs 5 years, so year 6 (2029) pays nothing. Within 3 FTE nothing changes: 2 FTE in
	 * year 1, 100,000 €.
	 */
	@Test
	void dentalInstallationPaysSixThousandPerFteAndYearBeyondThreeFte() {
		CentreFixture fiveFte = CentreFixture.centre("970400107", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, "5")
			.contract("DENT-5", "CAICDSD", "2024-01-01", null, "5", Zone.ZIP);

		assertThat(euros(aids(2024, fiveFte))).containsExactly("DENT-5 162000.00");
		assertThat(euros(aids(2025, fiveFte))).containsExactly("DENT-5 12000.00");
		assertThat(aids(2024, fiveFte).lines().get(0).status().isProvisional()).as("the reading of au-delà").isTrue();

		CentreFixture twoFte = CentreFixture.centre("970400107", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, "2")
			.contract("DENT-2", "CAICDSD", "2024-01-01", null, "2", Zone.ZIP);
		assertThat(euros(aids(2024, twoFte))).containsExactly("DENT-2 100000.00");
		assertThat(euros(aids(2025, twoFte))).containsExactly("DENT-2 0.00");
	}

	/** The 2025 accord carries the same readings over (its aids are the 2015 accord's, placeholders). */
	@Test
	void theTwoThousandTwentyFiveAccordCarriesTheReadingsOver() {
		// CAI of 1 FTE from 1 Jan 2026: 15,000 € in 2026, 0 in 2027, 15,000 € in 2028 (placeholders)
		CentreFixture cai = CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "1")
			.contract("CAI-3", "CAI", "2026-01-01", null, "1", Zone.ZIP);
		assertThat(euros(aids(2026, cai))).containsExactly("CAI-3 15000.00");
		assertThat(euros(aids(2027, cai))).containsExactly("CAI-3 0.00");
		assertThat(euros(aids(2028, cai))).containsExactly("CAI-3 15000.00");
		// CAICDSD of 4 FTE from 1 Jan 2026: 3 × 50,000 + 6,000 = 156,000 € in year 1, 6,000 € in year 2
		CentreFixture dental = CentreFixture.centre("970400107", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, "4")
			.contract("DENT-4", "CAICDSD", "2026-01-01", null, "4", Zone.ZIP);
		assertThat(euros(aids(2026, dental))).containsExactly("DENT-4 156000.00");
		assertThat(euros(aids(2027, dental))).containsExactly("DENT-4 6000.00");
	}

	private StreamResult aids(int exercice, CentreFixture centre) {
		return this.engine.compute(RULES.rulesFor(exercice, Optional.empty()), centre.inputs())
			.stream(PaymentStream.AIDES_CONTRAT)
			.orElseThrow();
	}

	private static List<String> euros(StreamResult aids) {
		return aids.lines()
			.stream()
			.map(l -> l.detail().substring("contrat ".length(), l.detail().indexOf(' ', "contrat ".length())) + " "
					+ l.euros().toPlainString())
			.toList();
	}

}
