package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.ComponentLine;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.ProrataResult;
import fr.cds.remuneration.engine.UpliftResult;
import fr.cds.remuneration.engine.Verdict;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * A centre's statement in French words, built once from a {@link CentreResult} and rendered as
 * CSV and HTML, so that both say exactly the same thing.
 *
 * @param totalEuros the forfait's total
 * @param payment what is due, already paid and paid now for the forfait; {@code null} for a
 * statement that pays nothing (a simulation)
 * @param streams the other payments of the exercice, a section each
 * @param summary one row per payment stream and a total row: due, already paid, paid now
 * @param grandTotalEuros the forfait and every other stream together
 * @param letter the statement as the centre manager reads it: page 1, the paid lines, the annex
 */
public record StatementView(String finess, String title, List<Field> fields, List<Line> lines, List<String> notes,
		List<String> whatIf, BigDecimal totalEuros, String unitLabel, List<String> legend, String recourse,
		PaymentSection payment, List<StreamSection> streams, List<SummaryRow> summary, BigDecimal grandTotalEuros,
		StatementLetter letter) {

	/** How a centre contests its statement; printed on every statement. */
	public static final String RECOURSE = "Pour toute question sur ce relevé, adressez-vous à votre caisse primaire"
			+ " d'assurance maladie (CPAM). Vous pouvez le contester dans un délai de deux mois à compter de sa"
			+ " notification devant la commission de recours amiable (CRA) de votre caisse (articles R142-1 et"
			+ " suivants du code de la sécurité sociale). Joignez à votre demande ce relevé et les pièces qui"
			+ " justifient votre déclaration.";

	/** A header field; {@code note} is the provisional-value mark text, empty when confirmed. */
	public record Field(String label, String value, String note) {
	}

	/**
	 * One indicator line; amounts are in the rule set's unit except the euros. The amounts are those
	 * the centre earns: zero for an indicator not met, whose possible gain is in {@code ifMetEuros}.
	 *
	 * @param ifMetEuros what the line would pay if the indicator (or the socle) were met, for an
	 * unpaid line that could be; {@code null} otherwise
	 */
	public record Line(String code, String label, String axis, String block, String socle, String declared,
			String verdict, String verdictNote, BigDecimal fixed, BigDecimal variable, BigDecimal uplift,
			BigDecimal total, BigDecimal euros, BigDecimal ifMetEuros, String formula, String statusNote,
			boolean provisional, boolean paid) {
	}

	/**
	 * A row of the summary of the payments: a stream (or the total) with what is due for the
	 * exercice, what was already paid and what is paid now ({@code null} when not settled).
	 */
	public record SummaryRow(String label, BigDecimal dueEuros, BigDecimal alreadyPaidEuros, BigDecimal nowEuros) {
	}

	/** The statement of a result that is not settled (a simulation): no payment section. */
	public static StatementView of(CentreResult result) {
		return of(result, Map.of(), "");
	}

	/**
	 * The balance statement of the annual run.
	 *
	 * @param settlements how the run settled each stream of the centre (empty for a simulation)
	 * @param dueNote when the balances are due, in French (empty when not known)
	 */
	public static StatementView of(CentreResult result, Map<PaymentStream, Settlement> settlements, String dueNote) {
		Settlement settlement = settlements.get(result.forfait().stream());
		List<Field> fields = new ArrayList<>();
		var centre = result.centre();
		fields.add(new Field("FINESS", centre.finess(), ""));
		fields.add(new Field("Raison sociale", centre.name(), ""));
		fields.add(new Field("Type de centre", centre.typeLabel(), ""));
		fields.add(new Field("Département", centre.departement() + " " + centre.departementName(), ""));
		fields.add(new Field("Région", centre.regionName() + " (" + centre.regionCode() + ")", ""));
		fields.add(new Field("Exercice", String.valueOf(result.exercice()), ""));
		fields.add(new Field("Règles appliquées", result.ruleSet().reference() + " — " + result.ruleSet().title(), ""));
		fields.add(new Field("Dernier texte applicable", new LatestText(result.ruleSet().latestTextId(),
				result.ruleSet().latestTextTitle(), result.ruleSet().latestTextPublished()).label(), ""));
		PopulationCounts counts = result.patientBase().counts();
		fields.add(new Field("Patientèle retenue", result.patientBase().label() + " : "
				+ FrenchFormat.integer(counts.patients()) + " patients (dont C2S " + FrenchFormat.integer(counts.c2s())
				+ ", AME " + FrenchFormat.integer(counts.ame()) + ", ALD " + FrenchFormat.integer(counts.ald())
				+ ", handicap " + FrenchFormat.integer(counts.handicap()) + ")", ""));
		// counts typed in a simulation come from no extract: no extraction date, no scheme mix to show
		boolean extract = result.patientBase().extractionDate() != null;
		if (extract) {
			fields.add(new Field("Extraction des données patients",
					FrenchFormat.date(result.patientBase().extractionDate()), ""));
		}
		if (extract || !result.schemes().isEmpty()) {
			fields.add(new Field("Régimes d'assurance maladie des patients", schemes(result.schemes()), ""));
		}
		fields.add(new Field("Professionnels de santé salariés (ETP)",
				FrenchFormat.compact(result.healthProfessionalFte(), 2), ""));
		if (result.pointValueEur() != null) {
			fields.add(new Field("Valeur du point", FrenchFormat.euros(result.pointValueEur()),
					result.pointValueProvenance().status().statementNote()));
		}
		ProrataResult prorata = result.prorata();
		fields.add(new Field("Période rémunérée",
				prorata.daysOpen() + " jours sur " + prorata.daysInExercice() + " (du " + FrenchFormat.date(prorata.from())
						+ " au " + FrenchFormat.date(prorata.to()) + ")",
				prorata.isFullYear() ? "" : prorata.status().statementNote()));
		if (result.uplift() != null) {
			fields.add(new Field("Majoration précarité", uplift(result.uplift()), result.uplift().status().statementNote()));
		}
		fields.add(new Field("Socle", result.socle().met() ? "atteint"
				: "non atteint (" + failedSocle(result, false) + ")", ""));
		fields.add(new Field("Total de la rémunération forfaitaire", FrenchFormat.euros(result.totalEuros()), ""));
		List<StreamSection> streams = result.streams()
			.stream()
			.map(s -> StreamSection.of(s, settlements.get(s.stream()), dueNote))
			.toList();
		for (StreamSection stream : streams) {
			fields.add(new Field("Total — " + stream.title(), FrenchFormat.euros(stream.totalEuros()), ""));
		}
		if (!streams.isEmpty()) {
			fields.add(new Field("Total des paiements de l'exercice", FrenchFormat.euros(result.grandTotalEuros()), ""));
		}

		List<Line> lines = result.lines().stream().map(StatementView::line).toList();
		String unitLabel = result.unit() == Unit.POINTS ? "points" : "euros";
		String title = (streams.isEmpty() ? "Relevé de rémunération forfaitaire"
				: "Relevé de la rémunération forfaitaire et des autres paiements") + " — exercice " + result.exercice();
		return new StatementView(centre.finess(), title, fields, lines, result.notes(), whatIf(result),
				result.totalEuros(), unitLabel, legend(result), RECOURSE,
				settlement == null ? null : PaymentSection.of(settlement, dueNote), streams,
				summary(result, settlements), result.grandTotalEuros(), StatementLetterBuilder.of(result, dueNote));
	}

	/** The socle commitments not met, by their labels (and codes, for the operators' explain command). */
	private static String failedSocle(CentreResult result, boolean codes) {
		return result.lines()
			.stream()
			.filter(l -> result.socle().failed().contains(l.code()))
			.map(l -> codes ? l.label() + " (" + l.code() + ")" : l.label())
			.collect(Collectors.joining(", "));
	}

	/** What each stream pays: due for the exercice, already paid, paid now; then the total. */
	private static List<SummaryRow> summary(CentreResult result, Map<PaymentStream, Settlement> settlements) {
		List<SummaryRow> rows = new ArrayList<>();
		BigDecimal due = BigDecimal.ZERO;
		BigDecimal already = BigDecimal.ZERO;
		BigDecimal now = BigDecimal.ZERO;
		for (Map.Entry<PaymentStream, BigDecimal> total : result.totalsByStream().entrySet()) {
			Settlement settlement = settlements.get(total.getKey());
			rows.add(new SummaryRow(FrenchFormat.capitalized(total.getKey().label()), total.getValue(),
					settlement == null ? null : settlement.beforeEuros(),
					settlement == null ? null : settlement.amountEuros()));
			due = due.add(total.getValue());
			already = settlement == null ? already : already.add(settlement.beforeEuros());
			now = settlement == null ? now : now.add(settlement.amountEuros());
		}
		boolean settled = !settlements.isEmpty();
		rows.add(new SummaryRow("Total", due, settled ? already : null, settled ? now : null));
		return List.copyOf(rows);
	}

	/**
	 * In plain words, what the centre would have earned: with its socle met, and by meeting each
	 * indicator it did not meet.
	 */
	private static List<String> whatIf(CentreResult result) {
		List<String> whatIf = new ArrayList<>();
		if (!result.socle().met()) {
			BigDecimal withSocle = result.lines()
				.stream()
				.filter(l -> l.verdict().counts() || l.socle())
				.map(IndicatorLine::potentialEuros)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			whatIf.add("Avec le socle atteint (" + failedSocle(result, true)
					+ (result.socle().failed().size() > 1 ? " manquants" : " manquant") + "), la rémunération forfaitaire aurait été de " + FrenchFormat.euros(withSocle) + ".");
		}
		for (IndicatorLine line : result.lines()) {
			if (line.verdict() == Verdict.NOT_MET && !line.socle() && line.potentialEuros().signum() > 0) {
				whatIf.add(line.label() + " (" + line.code() + ") : non atteint ; l'atteindre"
						+ (result.socle().met() ? " aurait rapporté " : " aurait rapporté, socle atteint, ")
						+ FrenchFormat.euros(line.potentialEuros()) + ".");
			}
		}
		return List.copyOf(whatIf);
	}

	private static Line line(IndicatorLine line) {
		String formula = line.components()
			.stream()
			.map(c -> (c.label() == null ? "" : c.label() + " : ") + c.formula())
			.collect(Collectors.joining(" ; "));
		if (!line.uplift().isZero()) {
			formula += " ; majoration précarité sur la part patientèle";
		}
		boolean earned = line.verdict().counts();
		boolean couldEarn = !line.paid() && (earned || line.verdict() == Verdict.NOT_MET);
		return new Line(line.code(), line.label(), line.axis(), line.block() == null ? "" : line.block(),
				line.socle() ? "oui" : "non", line.declared() == null ? "" : line.declared(), line.verdict().label(),
				line.verdictNote() == null ? "" : line.verdictNote(), earned ? line.fixed().value() : BigDecimal.ZERO,
				earned ? line.variable().value() : BigDecimal.ZERO, earned ? line.uplift().value() : BigDecimal.ZERO,
				earned ? line.total().value() : BigDecimal.ZERO, line.euros(),
				couldEarn && line.potentialEuros().signum() > 0 ? line.potentialEuros() : null, formula,
				line.status().statementNote(), line.status().isProvisional(), line.paid());
	}

	private static String uplift(UpliftResult uplift) {
		return "taux C2S " + FrenchFormat.percent(uplift.c2sRate()) + " (national " + FrenchFormat.percent(uplift.nationalC2sRate())
				+ ") + taux AME " + FrenchFormat.percent(uplift.ameRate()) + " (national "
				+ FrenchFormat.percent(uplift.nationalAmeRate()) + ") → majoration " + FrenchFormat.percent(uplift.rate())
				+ (uplift.capped() ? " (plafonnée à " + FrenchFormat.percent(uplift.cap()) + ")"
						: " (plafond " + FrenchFormat.percent(uplift.cap()) + ")");
	}

	private static String schemes(Map<String, Long> schemes) {
		if (schemes.isEmpty()) {
			return "aucun patient";
		}
		return schemes.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + FrenchFormat.integer(e.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static List<String> legend(CentreResult result) {
		List<String> legend = new ArrayList<>();
		legend.add("Les montants sont calculés sur les valeurs exactes puis arrondis au centime une seule fois par ligne ;"
				+ " le total est la somme des lignes arrondies."
				// the 2025 accord pays euros: no points on its statements
				+ (result.unit() == Unit.POINTS ? " Les points sont affichés arrondis à deux décimales." : ""));
		legend.add("Socle : tous les indicateurs du socle applicables au type de centre doivent être atteints ;"
				+ " à défaut, aucune rémunération forfaitaire n'est due pour l'exercice.");
		for (ValueStatus status : ValueStatus.values()) {
			if (status.isProvisional()) {
				legend.add("« " + status.statementNote() + " » : "
						+ (status == ValueStatus.ANALOG ? "valeur reprise du dispositif des maisons de santé (ACI), en"
								+ " attendant la publication de la valeur officielle pour les centres de santé."
								: "aucune valeur officielle publiée ; valeur retenue pour permettre le calcul, susceptible"
										+ " de régularisation."));
			}
		}
		return legend;
	}

}
