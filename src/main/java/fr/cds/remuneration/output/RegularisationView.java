package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.output.StatementView.Field;
import fr.cds.remuneration.rules.model.LegalText;

/**
 * A centre's regularisation statement in French, built once and rendered as CSV and HTML: the
 * previous and new amounts per indicator with the cause of each difference, the payment (amounts
 * already paid with their dates, the supplement or the recovery), and for a recovery the notice
 * that article R133-9-1 of the code de la sécurité sociale requires: cause, nature, amount and the
 * dates of the payments concerned.
 *
 * @param lines the forfait's indicators, with {@code previousTotalEuros}, {@code newTotalEuros},
 * {@code differenceEuros}, {@code payment} and {@code recovery} (the forfait's recovery notice,
 * {@code null} for a supplement)
 * @param recourse how the centre contests the statement, as on every statement
 * @param streams the other payment streams whose amount changed, a section each
 */
public record RegularisationView(String finess, String title, List<Field> fields, List<LineChanges.Change> lines,
		BigDecimal previousTotalEuros, BigDecimal newTotalEuros, BigDecimal differenceEuros, List<String> notes,
		PaymentSection payment, RecoveryNotice recovery, List<String> legend, String recourse,
		List<StreamChanges> streams) {

	/**
	 * A payment stream outside the forfait whose amount changed: its lines before and after, its
	 * payment, and its own recovery notice when the centre owes money back on it.
	 */
	public record StreamChanges(String stream, String title, List<LineChanges.Change> lines,
			BigDecimal previousTotalEuros, BigDecimal newTotalEuros, BigDecimal differenceEuros, PaymentSection payment,
			RecoveryNotice recovery) {
	}

	/**
	 * What the re-processing was and why.
	 *
	 * @param reason the cause of the re-processing in French (new rule-set version with its text,
	 * corrected inputs of a dispute)
	 */
	public record Context(long runId, LocalDate computedOn, String reason) {
	}

	/**
	 * The mentions of a recovery notice (CSS art. R133-9-1).
	 *
	 * @param payments the payments of the exercice the recovery bears on, with their dates
	 */
	public record RecoveryNotice(String cause, String nature, BigDecimal amountEuros, List<PaymentSection.Row> payments,
			List<String> mentions) {
	}

	/**
	 * @param settlements how the re-processing settled each stream of the centre
	 */
	public static RegularisationView of(Optional<CentreResult> previous, CentreResult current,
			Map<PaymentStream, Settlement> settlements, Context context, Function<String, Optional<LegalText>> texts) {
		Settlement settlement = settlements.get(current.forfait().stream());
		var centre = current.centre();
		BigDecimal previousTotal = previous.map(CentreResult::totalEuros).orElse(BigDecimal.ZERO.setScale(2));
		List<LineChanges.Change> lines = LineChanges.compare(previous, current, texts);
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("FINESS", centre.finess(), ""));
		fields.add(new Field("Raison sociale", centre.name(), ""));
		fields.add(new Field("Type de centre", centre.typeLabel(), ""));
		fields.add(new Field("Région", centre.regionName() + " (" + centre.regionCode() + ")", ""));
		fields.add(new Field("Exercice", String.valueOf(current.exercice()), ""));
		fields.add(new Field("Motif de la régularisation", context.reason(), ""));
		fields.add(new Field("Règles précédemment appliquées",
				previous.map(p -> p.ruleSet().reference() + " — " + p.ruleSet().title()).orElse("aucun calcul précédent"),
				""));
		fields.add(new Field("Règles appliquées", current.ruleSet().reference() + " — " + current.ruleSet().title(), ""));
		fields.add(new Field("Dernier texte applicable", current.ruleSet().latestTextTitle()
				+ (current.ruleSet().latestTextPublished() == null ? ""
						: " (publié le " + FrenchFormat.date(current.ruleSet().latestTextPublished()) + ")"),
				""));
		fields.add(new Field("Extraction des données patients", extraction(previous, current), ""));
		fields.add(new Field("Calculé le", FrenchFormat.date(context.computedOn()) + " (traitement R" + context.runId()
				+ ")", ""));
		fields.add(new Field("Rémunération précédemment calculée", FrenchFormat.euros(previousTotal), ""));
		fields.add(new Field("Nouvelle rémunération", FrenchFormat.euros(current.totalEuros()), ""));

		List<String> notes = new ArrayList<>(current.notes());
		if (settlement.beforeEuros().compareTo(previousTotal) != 0) {
			notes.add("Les montants déjà versés ou en cours de versement (" + FrenchFormat.euros(settlement.beforeEuros())
					+ ") diffèrent de la rémunération précédemment calculée (" + FrenchFormat.euros(previousTotal)
					+ ") : la régularisation porte sur l'écart entre la nouvelle rémunération et les montants versés.");
		}
		RecoveryNotice recovery = settlement.isRecovery()
				? recovery(current.forfait().stream().label(), current.exercice(), current.totalEuros(), settlement, context, lines)
				: null;
		List<StreamChanges> streams = new ArrayList<>();
		settlements.forEach((stream, streamSettlement) -> {
			if (!stream.fromIndicators() && streamSettlement.isPayment()) {
				streams.add(streamChanges(stream, previous, current, streamSettlement, context, texts));
			}
		});
		String title = streams.isEmpty() ? "Relevé de régularisation de la rémunération forfaitaire"
				: "Relevé de régularisation de la rémunération forfaitaire et des autres paiements";
		return new RegularisationView(centre.finess(), title + " — exercice " + current.exercice(),
				List.copyOf(fields), lines, previousTotal, current.totalEuros(), current.totalEuros().subtract(previousTotal),
				List.copyOf(notes), PaymentSection.of(settlement), recovery, howToRead(), StatementView.RECOURSE,
				List.copyOf(streams));
	}

	/** The running header of every page: centre, FINESS, exercice (from the header fields). */
	public String header() {
		return field("Raison sociale") + " — FINESS " + this.finess + " — exercice " + field("Exercice");
	}

	private String field(String label) {
		return this.fields.stream().filter(f -> f.label().equals(label)).map(Field::value).findFirst().orElse("");
	}

	private static StreamChanges streamChanges(PaymentStream stream, Optional<CentreResult> previous,
			CentreResult current, Settlement settlement, Context context, Function<String, Optional<LegalText>> texts) {
		Optional<StreamResult> before = previous.flatMap(p -> p.stream(stream));
		Optional<StreamResult> now = current.stream(stream);
		List<LineChanges.Change> lines = LineChanges.compareStream(previous.isPresent(), before, now, texts);
		BigDecimal previousTotal = before.map(StreamResult::totalEuros).orElse(BigDecimal.ZERO.setScale(2));
		BigDecimal newTotal = settlement.totalEuros();
		String title = now.or(() -> before).map(StreamResult::title).orElse(stream.label());
		return new StreamChanges(stream.label(), title, lines, previousTotal, newTotal, newTotal.subtract(previousTotal),
				PaymentSection.of(settlement), settlement.isRecovery()
						? recovery(stream.label(), current.exercice(), newTotal, settlement, context, lines) : null);
	}

	private static String extraction(Optional<CentreResult> previous, CentreResult current) {
		LocalDate now = current.patientBase().extractionDate();
		LocalDate before = previous.map(p -> p.patientBase().extractionDate()).orElse(null);
		return FrenchFormat.date(now) + (before == null || before.equals(now) ? ""
				: " (précédemment : extraction du " + FrenchFormat.date(before) + ")");
	}

	/**
	 * @param what the payment recovered, in French ("rémunération forfaitaire", "forfait médecin traitant")
	 */
	private static RecoveryNotice recovery(String what, int exercice, BigDecimal newTotal, Settlement settlement,
			Context context, List<LineChanges.Change> lines) {
		String changes = lines.stream()
			.filter(LineChanges.Change::changed)
			.map(c -> c.label() + " : " + FrenchFormat.euros(c.previousEuros()) + " → " + FrenchFormat.euros(c.newEuros())
					+ " (" + c.cause() + ")")
			.collect(Collectors.joining(" ; "));
		String cause = context.reason() + ". Nouveau calcul : " + what + " de l'exercice " + exercice + " : "
				+ FrenchFormat.euros(newTotal) + " au lieu des " + FrenchFormat.euros(settlement.beforeEuros())
				+ " déjà versés" + (changes.isEmpty() ? "." : " — " + changes + ".");
		String nature = "Trop-perçu (indu) : " + what + " des centres de santé (Accord national des centres de santé),"
				+ " exercice " + exercice + ".";
		List<PaymentSection.Row> payments = settlement.before()
			.stream()
			.map(e -> new PaymentSection.Row(e.kind().label(), e.amountEuros(), PaymentSection.detail(e)))
			.toList();
		List<String> mentions = List.of(
				"Vous disposez d'un délai de deux mois à compter de la réception de la présente notification pour"
						+ " vous acquitter de la somme réclamée ; dans le même délai, vous pouvez présenter des"
						+ " observations écrites à votre caisse.",
				StatementView.RECOURSE);
		return new RecoveryNotice(cause, nature, settlement.amountEuros().abs(), payments, mentions);
	}

	private static List<String> howToRead() {
		return List.of(
				"Chaque montant est recalculé sur les valeurs exactes puis arrondi au centime une seule fois par ligne ;"
						+ " la différence d'une ligne est le nouveau montant moins le montant précédent.",
				"La régularisation est la nouvelle rémunération moins les montants déjà versés ou en cours de versement"
						+ " pour l'exercice (avance, solde, régularisations précédentes) : positive, elle vous est versée ;"
						+ " négative, elle est à reverser.",
				"« valeur provisoire » signale une valeur qui n'est pas encore officielle : elle sera corrigée par"
						+ " régularisation si la valeur officielle diffère.");
	}

}
