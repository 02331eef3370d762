package fr.cds.remuneration.annual;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.rules.PaymentCalendar;
import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleProblem;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment calendar is rule data: the shipped rule sets carry the advance (60 %, at least 12,000
 * €) and the balance's due day (30 April N+1) that application.properties held, with their status
 * and source; an amendment changes them like any value; a rule set without a calendar falls back to
 * {@code cds.schedule.*}.
 */
class PaymentCalendarTest {

	private static final PaymentSchedule NONE = new PaymentSchedule(null, null);

	@TempDir
	Path temp;

	@Test
	void theShippedRuleSetsCarryTheCalendar() {
		RuleSetRepository shipped = RuleSetRepository.load(RuleSetRepository.BUILT_IN);
		for (int exercice : new int[] { 2016, 2024, 2026 }) {
			ExerciceRules rules = shipped.rulesFor(exercice, Optional.empty());
			PaymentSchedule.Advance advance = PaymentCalendar.advance(rules, NONE).orElseThrow();
			assertThat(advance.rate()).isEqualByComparingTo("0.60");
			assertThat(advance.minimumEur()).isEqualByComparingTo("12000");
			assertThat(advance.status()).isEqualTo(ValueStatus.ANALOG);
			assertThat(advance.source()).startsWith("ACI des MSP (docs/DEFAULT-PARAMETERS.md, ACOMPTE)");
			// the calendar's date is not marked provisional on the statement (issue 17): its status stays in the rules
			assertThat(PaymentCalendar.balanceDueNote(rules, NONE))
				.isEqualTo("à verser au plus tard le 30/04/" + (exercice + 1));
		}
	}

	/** RA 2015's calendar, say: an advance of 60 % with no minimum from 2025, by amendment. */
	@Test
	void anAmendmentChangesTheCalendar() throws IOException {
		Files.copy(Path.of("src/main/resources/rulesets/accord-2015.yaml"), this.temp.resolve("accord-2015.yaml"));
		Files.writeString(this.temp.resolve("no-minimum.yaml"), """
				amends: accord-2015@2026.2
				version: "2026.9"
				changes:
				  - set: parameters/advance
				    value: {from: 2025, value: {rate: 0.60, minimum_eur: 0}, status: placeholder, source: NONE, text: avenant-5}
				""");
		RuleSetRepository repository = RuleSetRepository.load(this.temp.toString());

		PaymentSchedule.Advance in2025 = PaymentCalendar
			.advance(repository.rulesFor(2025, Optional.of("accord-2015@2026.9")), NONE)
			.orElseThrow();
		assertThat(in2025.minimumEur()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(in2025.status()).isEqualTo(ValueStatus.PLACEHOLDER);
		assertThat(PaymentCalendar.advance(repository.rulesFor(2024, Optional.of("accord-2015@2026.9")), NONE)
			.orElseThrow()
			.minimumEur()).isEqualByComparingTo("12000");
	}

	@Test
	void aRuleSetWithoutCalendarFallsBackToTheProperties() {
		ExerciceRules minimal = RuleSetRepository.load("src/test/resources/rules").rulesFor(2021, Optional.empty());
		PaymentSchedule configured = new PaymentSchedule(
				List.of(new PaymentSchedule.Advance(2016, null, new BigDecimal("0.5"), BigDecimal.ZERO, ValueStatus.CONFIRMED, "s",
						null, null)),
				List.of(new PaymentSchedule.Balance(2016, null, "06-30", ValueStatus.CONFIRMED, "s")));

		assertThat(PaymentCalendar.advance(minimal, configured).orElseThrow().rate()).isEqualByComparingTo("0.5");
		assertThat(PaymentCalendar.balanceDueNote(minimal, configured)).isEqualTo("à verser au plus tard le 30/06/2022");
		assertThat(PaymentCalendar.advance(minimal, NONE)).isEmpty();
	}

	@Test
	void aWrongCalendarValueIsRefusedWithItsLine() throws IOException {
		Files.copy(Path.of("src/main/resources/rulesets/accord-2015.yaml"), this.temp.resolve("accord-2015.yaml"));
		Files.writeString(this.temp.resolve("bad.yaml"), """
				amends: accord-2015@2026.2
				version: "2026.9"
				changes:
				  - set: parameters/balance_due
				    value: {from: 2025, value: "31-04", status: placeholder, source: NONE, text: avenant-5}
				""");

		assertThatThrownBy(() -> RuleSetRepository.load(this.temp.toString()))
			.isInstanceOfSatisfying(RuleSetException.class, ex -> assertThat(ex.problems())
				.extracting(RuleProblem::toString)
				.containsExactly("bad.yaml:5: [balance_due] attendu : un mois et un jour MM-dd (par exemple 04-30), trouvé '31-04'"));
	}

	/**
	 * The règlement arbitral's advance (art. 5.4: 60 %, no minimum, paid with the previous year's
	 * balance) is its rule set's data, read with no cds.schedule property: confirmed for 2015, the
	 * analog for 2016. It lived in application.properties before.
	 */
	@Test
	void theReglementArbitralCarriesItsAdvanceAndItsTimingInItsRuleSet() {
		RuleSetRepository shipped = RuleSetRepository.load(RuleSetRepository.BUILT_IN);
		for (int exercice : new int[] { 2015, 2016 }) {
			ExerciceRules rules = shipped.rulesFor(exercice, Optional.of("reglement-arbitral-2015@2026.2"));
			PaymentSchedule.Advance advance = PaymentCalendar.advance(rules, NONE).orElseThrow();
			assertThat(advance.rate()).isEqualByComparingTo("0.60");
			assertThat(advance.minimumEur()).isEqualByComparingTo(BigDecimal.ZERO);
			assertThat(advance.paid()).isEqualTo(AdvanceTiming.WITH_PREVIOUS_BALANCE);
			assertThat(advance.status()).isEqualTo(exercice == 2015 ? ValueStatus.CONFIRMED : ValueStatus.ANALOG);
			// as before: no balance date of 2014 or 2015 is known, the statement says none
			assertThat(PaymentCalendar.balanceDue(rules, exercice - 1, NONE)).isEmpty();
		}
		// the accords' advance says nothing of its timing: paid during the exercice
		assertThat(PaymentCalendar.advance(shipped.rulesFor(2024, Optional.empty()), NONE).orElseThrow().paid())
			.isEqualTo(AdvanceTiming.DURING_EXERCICE);
	}

	/** The shipped configuration sets no calendar: every shipped rule set carries its own. */
	@Test
	void theShippedPropertiesSetNoCalendar() throws IOException {
		assertThat(Files.readAllLines(Path.of("src/main/resources/application.properties")))
			.noneMatch(line -> line.strip().startsWith("cds.schedule."));
	}

	@Test
	void aMalformedAdvanceTimingIsRefusedWithItsLineInFrench() throws IOException {
		Files.copy(Path.of("src/main/resources/rulesets/accord-2015.yaml"), this.temp.resolve("accord-2015.yaml"));
		Files.writeString(this.temp.resolve("bad.yaml"), """
				amends: accord-2015@2026.2
				version: "2026.9"
				changes:
				  - set: parameters/advance
				    value: {from: 2025, value: {rate: 0.60, minimum_eur: 0, paid: apres_le_solde}, status: placeholder, source: NONE, text: avenant-5}
				""");

		assertThatThrownBy(() -> RuleSetRepository.load(this.temp.toString()))
			.isInstanceOfSatisfying(RuleSetException.class, ex -> assertThat(ex.problems())
				.extracting(RuleProblem::toString)
				.containsExactly("bad.yaml:5: [advance] moment de versement de l'avance inconnu : 'apres_le_solde'"
						+ " (attendu : during_exercice ou with_previous_balance)"));
	}

}
