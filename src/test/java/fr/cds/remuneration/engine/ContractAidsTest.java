package fr.cds.remuneration.engine;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract aids against amounts computed by hand (and with exact fractions in Python): medical
 * assistants by contract year (36,000 € per FTE in year 1, 27,000 € in year 2, 21,000 € from year
 * 3), pro-rated by the days of each contract year in the exercice over the days of that contract
 * year; at most 0.5 assistant FTE per doctor FTE; at most 4 contracts at a time per centre until
 * 2025, 8 from 2026.
 */
class ContractAidsTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private final RemunerationEngine engine = new RemunerationEngine();

	/**
	 * Six doctor FTE: up to 3 assistant FTE. Contracts AM-1 (from 1 Jan 2023, 0.25 FTE), AM-2 (1 Jan
	 * 2024, 0.25), AM-3 (1 Jul 2024, 0.5), AM-4 (1 Mar 2025, 1.0), AM-5 (1 Jun 2025, 0.5).
	 */
	private static CentreFixture centreWithFiveAssistants() {
		return CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "6")
			.contract("AM-1", "ASSISTANT_MEDICAL", "2023-01-01", null, "0.25", Zone.HORS_ZONE)
			.contract("AM-2", "ASSISTANT_MEDICAL", "2024-01-01", null, "0.25", Zone.HORS_ZONE)
			.contract("AM-3", "ASSISTANT_MEDICAL", "2024-07-01", null, "0.5", Zone.HORS_ZONE)
			.contract("AM-4", "ASSISTANT_MEDICAL", "2025-03-01", null, "1.0", Zone.HORS_ZONE)
			.contract("AM-5", "ASSISTANT_MEDICAL", "2025-06-01", null, "0.5", Zone.HORS_ZONE);
	}

	/**
	 * 2025 (365 days): AM-1 in its 3rd year 21,000 × 0.25 = 5,250; AM-2 in its 2nd year 27,000 ×
	 * 0.25 = 6,750; AM-3 181 days of year 1 (1 Jul 2024 – 30 Jun 2025, 365 days) and 184 days of year
	 * 2: 0.5 × (36,000 × 181 + 27,000 × 184) / 365 = 15,731.51; AM-4 306 days of year 1: 36,000 ×
	 * 306 / 365 = 30,180.82; AM-5 is a 5th contract at a time: refused.
	 */
	@Test
	void assistantsByContractYearAndAFifthContractRefusedIn2025() {
		StreamResult aids = aids(2025, centreWithFiveAssistants());

		assertThat(euros(aids)).containsExactly("AM-1 5250.00", "AM-2 6750.00", "AM-3 15731.51", "AM-4 30180.82",
				"AM-5 0.00");
		assertThat(aids.totalEuros()).isEqualByComparingTo("57912.33");
		assertThat(aids.lines().get(4).note()).contains("au-delà du plafond de 4 contrats");
		assertThat(aids.lines().get(2).formula()).isEqualTo("année 1 du contrat, 181 j sur 365 : 36\u00A0000 € × 0,5 ETP"
				+ " × 181/365 + année 2 du contrat, 184 j sur 365 : 27\u00A0000 € × 0,5 ETP × 184/365");
	}

	/**
	 * 2026 under the 2025 accord (8 contracts): AM-1 year 4 and AM-2 year 3 5,250 each; AM-3 181 days
	 * of year 2 and 184 of year 3: 0.5 × (27,000 × 181 + 21,000 × 184) / 365 = 11,987.67; AM-4 59
	 * days of year 1 and 306 of year 2: (36,000 × 59 + 27,000 × 306) / 365 = 28,454.79; AM-5 151 days
	 * of year 1 and 214 of year 2: 0.5 × (36,000 × 151 + 27,000 × 214) / 365 = 15,361.64, paid: 2.5 FTE
	 * of the 3 allowed.
	 */
	@Test
	void theFifthContractIsPaidIn2026() {
		StreamResult aids = aids(2026, centreWithFiveAssistants());

		assertThat(euros(aids)).containsExactly("AM-1 5250.00", "AM-2 5250.00", "AM-3 11987.67", "AM-4 28454.79",
				"AM-5 15361.64");
		assertThat(aids.lines()).allSatisfy(line -> assertThat(line.note()).isEmpty());
	}

	/** One doctor FTE allows 0.5 assistant FTE: a 1-FTE contract is refused until 2023, paid on 0.5 FTE from 2024. */
	@Test
	void aContractAboveHalfAnAssistantPerDoctorIsRefusedThenPaidInProportion() {
		CentreFixture centre = CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "1");

		StreamResult in2023 = aids(2023, centre.contract("AM-9", "ASSISTANT_MEDICAL", "2023-01-01", null, "1",
				Zone.HORS_ZONE));
		assertThat(euros(in2023)).containsExactly("AM-9 0.00");
		assertThat(in2023.lines().get(0).note()).startsWith("refusé : au-delà de 0,5 ETP par ETP de médecin");
		assertThat(in2023.lines().get(0).status().isProvisional()).as("the refusal rests on a reading").isTrue();

		StreamResult in2024 = aids(2024, CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "1")
			.contract("AM-9", "ASSISTANT_MEDICAL", "2024-01-01", null, "1", Zone.HORS_ZONE));
		// 36,000 × 0.5 FTE, the whole of 2024 in year 1 (366 days of 366)
		assertThat(euros(in2024)).containsExactly("AM-9 18000.00");
		assertThat(in2024.lines().get(0).quantity()).isEqualByComparingTo("0.5");
		assertThat(in2024.lines().get(0).note()).startsWith("ETP aidés ramenés à 0,5");
	}

	/**
	 * A contract that ends mid-year, in a centre that closed before its end: paid for the days of
	 * both. IPA in a ZIP (20,000 € per FTE in each of the first two years), contract from 1 Feb 2024
	 * to 31 Dec 2025, centre closed 30 Sep 2025: 2025 has 31 days of year 1 (1 Feb 2024 – 31 Jan
	 * 2025, 366 days) and 242 days of year 2 (1 Feb – 30 Sep 2025, of 365): 20,000 × 31 / 366 +
	 * 20,000 × 242 / 365 = 1,693.99 + 13,260.27 = 14,954.26 (exact sum rounded once).
	 */
	@Test
	void aContractIsProRatedByTheDaysOfTheCentresActivity() {
		StreamResult aids = aids(2025, CentreFixture.centre("750000101", CentreType.MEDICAL)
			.closed(java.time.LocalDate.of(2025, 9, 30))
			.contract("IPA-1", "IPA", "2024-02-01", "2025-12-31", "1", Zone.ZIP));

		assertThat(euros(aids)).containsExactly("IPA-1 14954.26");
		assertThat(aids.lines().get(0).code()).isEqualTo("AIDE_IPA_ZIP");
	}

	@Test
	void aContractNoAidPaysIsShownWithTheReason() {
		StreamResult aids = aids(2024, CentreFixture.centre("750000101", CentreType.MEDICAL)
			.contract("CAI-1", "CAI", "2024-01-01", null, "1", Zone.HORS_ZONE)
			.contract("DENT-1", "CAICDSD", "2024-01-01", null, "1", Zone.ZIP));

		assertThat(euros(aids)).containsExactly("CAI-1 0.00", "DENT-1 0.00");
		assertThat(aids.lines().get(0).note()).isEqualTo("aide réservée aux contrats signés en ZIP");
		assertThat(aids.lines().get(1).note()).startsWith("aide réservée aux centres de type dentaire");
	}

	/** 2024: 2 doctor FTE over 366 days allow 20 × 2 × 366 / 7 = 2,091.43, so 2,091 SAS acts. */
	@Test
	void declaredActsAboveTheirCapAreReportedAndNotPaid() {
		CentreResult result = this.engine.compute(RULES.rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL)
					.staff(Profession.MEDECIN_GENERALISTE, "2")
					.answer("MAJORATION_SAS", "2100")
					.answer("SF_REFERENTE", "12")
					.inputs());

		StreamResult supplements = result.stream(PaymentStream.SUPPLEMENTS_ACTES).orElseThrow();
		StreamLine sas = supplements.lines().get(0);
		assertThat(sas.quantity()).isEqualByComparingTo("2091");
		// 2,091 × 15 €
		assertThat(sas.euros()).isEqualByComparingTo("31365.00");
		assertThat(sas.note()).isEqualTo("9 acte(s) au-delà du plafond, non payé(s)");
		assertThat(sas.status().isProvisional()).as("the cap per doctor FTE is a reading").isTrue();
		// no midwife: the sage-femme référente follow-ups are not paid
		assertThat(supplements.lines().get(1).euros()).isEqualByComparingTo("0");
		assertThat(supplements.lines().get(1).note()).startsWith("condition non remplie");
		assertThat(supplements.totalEuros()).isEqualByComparingTo("31365.00");
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
