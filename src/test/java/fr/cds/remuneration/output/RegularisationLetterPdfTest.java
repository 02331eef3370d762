package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recovery statement (R133-9-1) follows the layout of the balance statement: the running header
 * with the centre, its FINESS and the exercice and {@code page n / N} on every page of its PDF, the
 * recovery notice on page 1, no indicator code without its label.
 */
class RegularisationLetterPdfTest {

	@TempDir
	Path dir;

	@Test
	void aRecoveryStatementCarriesTheHeaderAndPageNumbersOnEveryPage() throws Exception {
		ExerciceRules rules = RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty());
		CentreResult before = compute(rules, centre().answer("CONCERTATION", "oui"));
		// the dispute's corrected declaration: concertation was not held, the centre owes it back
		CentreResult after = compute(rules, centre());
		BigDecimal difference = after.totalEuros().subtract(before.totalEuros());
		assertThat(difference.signum()).isNegative();
		LedgerEntry balance = new LedgerEntry("RFS-2024-750000101-SOLDE-R1", "750000101", 2024, PaymentStream.FORFAIT,
				PaymentKind.SOLDE, before.totalEuros(), rules.ruleSet().reference(), 1L, "annual", "run",
				PaymentStatus.PAID, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 30));
		Settlement settlement = new Settlement("750000101", 2024, PaymentStream.FORFAIT, PaymentKind.REGULARISATION,
				after.totalEuros(), List.of(balance), difference, "RFS-2024-750000101-REG-R2");
		RegularisationView view = RegularisationView.of(Optional.of(before), after,
				Map.of(PaymentStream.FORFAIT, settlement),
				new RegularisationView.Context(2, LocalDate.of(2025, 9, 1), "Contestation : déclaration corrigée"),
				id -> rules.ruleSet().text(id));

		StatementHtmlRenderer html = StatementPdfRendererTest.htmlRenderer();
		Path pdf = this.dir.resolve("750000101.pdf");
		Files.write(pdf, new StatementPdfRenderer(html).render(html.render(view)));

		List<String> pages = new ArrayList<>(Arrays.asList(StatementLetterPdfTest.pdftotext(pdf, true).split("\f")));
		pages.removeIf(String::isBlank);
		for (int i = 0; i < pages.size(); i++) {
			assertThat(StatementLetterPdfTest.normalise(pages.get(i))).as("page " + (i + 1))
				.contains("Centre 750000101 — FINESS 750000101 — exercice 2024")
				.contains("page " + (i + 1) + " / " + pages.size());
		}
		String page1 = StatementLetterPdfTest.normalise(pages.get(0));
		assertThat(page1).contains("Notification de trop-perçu");
		String text = String.join("\n", pages);
		rules.indicators().forEach(indicator -> assertThat(
				Pattern.compile("(?<![A-Z_])" + indicator.code() + "(?![A-Z_])").matcher(text).find())
			.as("prints " + indicator.code())
			.isFalse());
	}

	private static CentreFixture centre() {
		return CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "4")
			.staff(Profession.INFIRMIER, "2")
			.patients(Population.MEDECIN_TRAITANT, 2_000, 300, 20)
			.socle2024();
	}

	private static CentreResult compute(ExerciceRules rules, CentreFixture centre) {
		return new RemunerationEngine().compute(rules, centre.inputs());
	}

}
