package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.simulation.CentreSimulation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimate, its what-ifs and the comparison with the next exercice, against amounts computed
 * by hand from the shipped rule data (point value 7 €, the analog and placeholder values of
 * DEFAULT-PARAMETERS.md).
 */
class CalculetteEstimateTest {

	/** In 2026: exercices 2016 to 2026 are offered. */
	private final Calculette calculette = new Calculette(
			new CalculetteRules(new RuleSetCatalog(), RuleSetRepository.BUILT_IN,
					Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)),
			new CentreSimulation(new RuleSetCatalog(), RegionTable.load(), InputLimits.defaults()));

	/**
	 * A médical centre, 2025: 1,000 médecin-traitant patients of whom 200 C2S (20 %) and 10 AME
	 * (1 %), so an uplift of (20 − 11) + (1 − 0.7) = 9.3 % on the patient-scaled points; 3 GP FTE.
	 */
	private Map<String, String> medical2025() {
		Map<String, String> form = new HashMap<>(Map.of("exercice", "2025", "type", "medical", "finess",
				"750000010", "zone", "HORS_ZONE", "etp_medecin_generaliste", "3", "patients_medecin_traitant", "1000",
				"c2s_medecin_traitant", "200", "ame_medecin_traitant", "10"));
		form.putAll(Map.of("ACCES_HORAIRES", "oui", "COORDINATION", "oui", "SI_STANDARD", "oui", "CRISE_PLAN", "oui",
				"DEMARCHE_QUALITE", "2", "PUBLICS_VULNERABLES", "1"));
		return form;
	}

	@Test
	void theEstimateIsTheHandComputedAmount() {
		CalculettePage page = this.calculette.estimate(new FormValues(medical2025()));

		assertThat(page.problems()).isEmpty();
		// ACCES_HORAIRES 800 pts = 5,600 €; COORDINATION 1,000 + 1,700 × 1,000 / 4,000 = 425, uplifted
		// by 9.3 % (39.525) = 1,464.525 pts = 10,251.675 → 10,251.68 €; SI_STANDARD 500 + 3 × 200 =
		// 1,100 pts = 7,700 €; CRISE_PLAN 100 pts = 700 €; DEMARCHE_QUALITE 100 + 200 = 2,100 €;
		// PUBLICS_VULNERABLES 200 pts = 1,400 €
		assertThat(page.estimate().statement().totalEuros()).isEqualByComparingTo("27751.68");
	}

	@Test
	void whatOneMoreCommitmentAddsIsRecomputedWithTheUplift() {
		CalculettePage page = this.calculette.estimate(new FormValues(medical2025()));

		Map<String, BigDecimal> added = new HashMap<>();
		page.estimate().whatIfs().forEach(w -> added.put(w.commitment(), w.addedEuros()));
		// CONCERTATION: 1,000 pts × 1,000 / 4,000 = 250, uplifted by 9.3 % = 273.25 pts = 1,912.75 €
		assertThat(added).containsEntry(
				"Atteindre « Réunions de concertation pluriprofessionnelles » (CONCERTATION)", new BigDecimal("1912.75"));
		// one more protocol: 100 pts = 700 €; the next quality level: 300 pts = 2,100 €
		assertThat(added).containsEntry("Atteindre « Protocoles pluriprofessionnels » (PROTOCOLES)",
				new BigDecimal("700.00"));
		assertThat(added).containsEntry("Passer au niveau 3 pour « Démarche qualité » (DEMARCHE_QUALITE)",
				new BigDecimal("2100.00"));
		// level 2 of vulnerable publics adds its 200 pts: the midwives' outreach it unlocks is not declared
		assertThat(added).containsEntry(
				"Passer au niveau 2 pour « Accompagnement des publics vulnérables » (PUBLICS_VULNERABLES)",
				new BigDecimal("1400.00"));
		assertThat(page.estimate().whatIfs()).allSatisfy(w -> assertThat(w.addedEuros()).isPositive());
	}

	@Test
	void withTheSocleFailedTheFirstWhatIfIsTheSocle() {
		Map<String, String> form = medical2025();
		form.remove("COORDINATION");

		CalculettePage page = this.calculette.estimate(new FormValues(form));

		assertThat(page.estimate().statement().totalEuros()).isEqualByComparingTo("0");
		WhatIfs.WhatIf socle = page.estimate().whatIfs().get(0);
		assertThat(socle.commitment()).isEqualTo("Atteindre le socle (« Fonction de coordination »)");
		assertThat(socle.addedEuros()).isEqualByComparingTo("27751.68");
		assertThat(page.estimate().whatIfs().subList(1, page.estimate().whatIfs().size()))
			.allSatisfy(w -> assertThat(w.commitment()).endsWith(", une fois le socle atteint"));
	}

	@Test
	void theNextExerciceIsComputedWithTheAnswersCarried() {
		CalculettePage page = this.calculette.estimate(new FormValues(medical2025()));
		Comparison comparison = page.estimate().comparison();

		// 2026, 2025 accord: HORAIRES level 1 (from "oui") 6,000 €; COORDINATION 7,000 + 12 × 1,000 =
		// 19,000 €; SI 3,500 + 3 × 1,400 = 7,700 €; PREVENTION_N1 (new socle, assumed met) 0 €;
		// COMPLEXITE (from vulnerable publics level 1) 200 × 10 + 10 × 10 = 2,100 €; QUALITE level 2
		// 700 + 1,400 = 2,100 €; no team list, hors zone, no environmental health, no missions
		assertThat(comparison.next()).isEqualTo(2026);
		assertThat(comparison.nextTotalEuros()).isEqualByComparingTo("36900.00");
		assertThat(comparison.totalEuros()).isEqualByComparingTo("27751.68");
		assertThat(row(comparison, "HORAIRES")).satisfies(row -> {
			assertThat(row.codes()).isEqualTo("ACCES_HORAIRES → HORAIRES");
			assertThat(row.euros()).isEqualByComparingTo("5600");
			assertThat(row.nextEuros()).isEqualByComparingTo("6000");
			assertThat(row.how()).isEqualTo("réponse reprise : 1");
		});
		assertThat(row(comparison, "SI").how()).isEqualTo("réponse reprise : oui (correspondance provisoire)");
		assertThat(row(comparison, "PREVENTION_N1").how())
			.isEqualTo("nouvel indicateur du socle : supposé atteint (sinon rien n'est dû)");
		assertThat(row(comparison, "SANTE_ENVIRONNEMENTALE").how())
			.isEqualTo("nouvel indicateur : non renseigné, compté non atteint");
		// the 2015 indicators with no successor: CRISE_PLAN's 700 € and the unmet ones
		Comparison.Row dropped = comparison.rows().get(comparison.rows().size() - 1);
		assertThat(dropped.codes()).startsWith("SI_AVANCE, PROTOCOLES").contains("CRISE_PLAN");
		assertThat(dropped.euros()).isEqualByComparingTo("700");
		assertThat(dropped.nextEuros()).isNull();
		// in 2026, environmental health would add 1,000 €, two public-health missions 5,000 €
		assertThat(comparison.nextWhatIfs()).extracting(WhatIfs.WhatIf::addedEuros)
			.contains(new BigDecimal("1000.00"), new BigDecimal("2500.00"));
		// the form of 2026 opens with the same centre and the answers carried
		FormValues next = page.estimate().nextValues();
		assertThat(next.get("exercice")).isEqualTo("2026");
		assertThat(next.get("HORAIRES")).isEqualTo("1");
		assertThat(next.get("ACCES_HORAIRES")).isEmpty();
		assertThat(next.get("patients_medecin_traitant")).isEqualTo("1000");
	}

	@Test
	void underTheSameAccordEveryAnswerIsCarriedAsItIs() {
		Map<String, String> form = medical2025();
		form.put("exercice", "2024");
		Comparison comparison = this.calculette.estimate(new FormValues(form)).estimate().comparison();

		assertThat(comparison.next()).isEqualTo(2025);
		assertThat(comparison.sameAccord()).isTrue();
		// the same rules and values in 2024 and 2025 for this centre: nothing changes
		assertThat(comparison.rows()).allSatisfy(row -> assertThat(row.difference()).isZero());
		assertThat(comparison.nextTotalEuros()).isEqualByComparingTo("27751.68");
	}

	private static Comparison.Row row(Comparison comparison, String code) {
		return comparison.rows().stream().filter(r -> r.codes().endsWith(code)).findFirst().orElseThrow();
	}

}
