package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.List;

import org.unbescape.html.HtmlEscape;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * The statement's layout, written by code: the one layout of the balance statement, the
 * regularisation and recovery statement, the calculette's estimate (its three parts, inserted in
 * the calculette's page) and the HTML the PDF is rendered from. It writes, byte for byte, what the
 * Thymeleaf templates {@code statement.html}, {@code letter.html} and {@code regularisation.html}
 * wrote before (issue 21: the templates' expression evaluation took two thirds of the statements
 * step), and escapes every value exactly as Thymeleaf's {@code th:text} does
 * ({@link HtmlEscape#escapeHtml4Xml}): {@code < > & " '} become entities, nothing taken from the
 * inputs is written unescaped. The style comes from {@code common.html}, rendered once by
 * {@link StatementHtmlRenderer}.
 *
 * <p>The letter has three parts, as {@code letter.html} had: page 1 (what is paid, when and why),
 * the details (every line paid, with its arithmetic and legal text) and the annex (every
 * commitment, the data used, the payments). {@code est} is {@code null} for a statement and, for an
 * estimate, the calculette's payments (which of them were not estimated): an estimate has no
 * payment calendar nor ledger, hence no "already paid", no due date, no recourse, no payment
 * section.
 */
public final class StatementHtmlWriter {

	/** A payment of the calculette's estimate: its section, or why it was not estimated. */
	public interface EstimatedStream {

		StreamSection section();

		/** Why the payment was not estimated, or {@code null}. */
		String reason();

		default boolean estimated() {
			return reason() == null;
		}

	}

	private static final String DOCTYPE_HEAD = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>";

	private StatementHtmlWriter() {
	}

	/**
	 * The balance statement (the former {@code statement.html}).
	 *
	 * @param style the {@code <style>} element of {@code common.html}
	 * @param peers the peer benchmark's rows, or {@code null}: then no benchmark block
	 */
	public static String statement(String style, StatementView view, List<PeerBenchmarkView.Row> peers) {
		StringBuilder out = new StringBuilder(48 * 1024);
		out.append(DOCTYPE_HEAD).append(esc(view.title() + " — " + view.finess())).append("</title>\n");
		out.append("<meta name=\"subject\" content=\"").append(esc(view.title() + " du centre " + view.finess()))
			.append("\"/>\n");
		out.append(style).append("\n</head>\n<body>\n<div class=\"running\">").append(esc(view.letter().header()))
			.append("</div>\n");
		page1(out, view, null);
		out.append('\n');
		details(out, view, null);
		out.append('\n');
		annex(out, view, null, peers);
		out.append("\n</body>\n</html>\n");
		return out.toString();
	}

	/** Page 1 of the letter: what is paid, when, and why. */
	public static String page1(StatementView view, List<? extends EstimatedStream> est) {
		StringBuilder out = new StringBuilder(8 * 1024);
		page1(out, view, est);
		return out.toString();
	}

	/** Page 2 of the letter: every line paid, with its arithmetic and its legal text. */
	public static String details(StatementView view, List<? extends EstimatedStream> est) {
		StringBuilder out = new StringBuilder(16 * 1024);
		details(out, view, est);
		return out.toString();
	}

	/** The annex: every commitment, the data used, and for a statement the payments already made. */
	public static String annex(StatementView view, List<? extends EstimatedStream> est) {
		StringBuilder out = new StringBuilder(16 * 1024);
		annex(out, view, est, null);
		return out.toString();
	}

	private static void page1(StringBuilder out, StatementView view, List<? extends EstimatedStream> est) {
		StatementLetter letter = view.letter();
		boolean estimate = est != null;
		out.append('\n');
		if (!blank(letter.opening())) {
			out.append("<p class=\"opening\" id=\"opening\">").append(esc(letter.opening())).append("</p>");
		}
		out.append('\n');
		if (!estimate) {
			out.append("<h1>").append(esc(view.title())).append("</h1>");
		}
		out.append('\n');
		if (estimate) {
			out.append("<h2 id=\"titre-estimation\">").append(esc(view.title())).append("</h2>");
		}
		out.append("\n<p class=\"identity\">").append(esc(letter.identity())).append("</p>\n\n<h2>")
			.append(estimate ? "Ce qui serait versé" : "Ce qui est versé").append("</h2>\n");
		out.append(estimate ? "<table class=\"summary\" id=\"resume-paiements\">\n  " : "<table class=\"summary\">\n  ");
		if (!estimate) {
			out.append("<thead><tr><th>Paiement</th><th class=\"num\">Montant dû pour l'exercice</th>"
					+ "<th class=\"num\">Déjà versé</th><th class=\"num\">Versé maintenant</th></tr></thead>");
		}
		out.append("\n  ");
		if (estimate) {
			out.append("<thead><tr><th scope=\"col\">Paiement</th><th scope=\"col\" class=\"num\">Montant estimé</th></tr></thead>");
		}
		out.append("\n  <tbody>\n  ");
		List<StatementView.SummaryRow> summary = view.summary();
		for (int i = 0; i < summary.size(); i++) {
			StatementView.SummaryRow row = summary.get(i);
			boolean first = i == 0;
			boolean last = i == summary.size() - 1;
			out.append("\n  <!-- an estimate lists the payments it could not estimate before its total: no amount, the reason -->\n  ");
			if (estimate && last) {
				for (EstimatedStream stream : est) {
					if (!stream.estimated()) {
						out.append("<tr>\n    <td>").append(esc(stream.section().title()))
							.append("</td><td class=\"not-estimated\">").append(esc(stream.reason())).append("</td>\n  </tr>");
					}
				}
			}
			out.append(last ? "\n  <tr class=\"total\">\n    <td>" : "\n  <tr>\n    <td>")
				.append(esc(estimate && last ? "Total des paiements estimés" : row.label())).append("</td>\n    ");
			if (!estimate) {
				out.append("<td class=\"num\">").append(esc(euros(row.dueEuros()))).append("</td>");
			}
			out.append("\n    ");
			if (!estimate) {
				out.append("<td class=\"num\">")
					.append(esc(row.alreadyPaidEuros() == null ? "—" : euros(row.alreadyPaidEuros()))).append("</td>");
			}
			out.append("\n    ");
			if (!estimate) {
				out.append(last ? "<td class=\"num\" id=\"now-total\">" : "<td class=\"num\">")
					.append(esc(row.nowEuros() == null ? "—" : euros(row.nowEuros()))).append("</td>");
			}
			out.append("\n    ");
			if (estimate) {
				out.append(first ? "<td class=\"num\" id=\"total\">" : last ? "<td class=\"num\" id=\"total-general\">"
						: "<td class=\"num\">").append(esc(euros(row.dueEuros()))).append("</td>");
			}
			out.append("\n  </tr>\n  ");
		}
		out.append("\n  </tbody>\n</table>\n");
		if (!blank(letter.dueLine())) {
			out.append("<p class=\"due\">").append(esc(letter.dueLine())).append("</p>");
		}
		out.append("\n\n<h2>Pourquoi ces montants</h2>\n<ul class=\"why\">");
		for (String item : letter.why()) {
			out.append("<li>").append(esc(item)).append("</li>");
		}
		out.append("</ul>\n\n<!-- an estimate says instead what each commitment would add, recomputed (the calculette's what-ifs) -->\n");
		if (!estimate && !letter.improvements().isEmpty()) {
			out.append("\n<h2>Pour percevoir davantage</h2>\n<p>").append(esc(letter.improvementsIntro()))
				.append("</p>\n<ul class=\"why\" id=\"improvements\">\n  ");
			Separator between = new Separator(out, "\n  ");
			for (StatementLetter.Improvement item : letter.improvements()) {
				between.next();
				out.append("<li><span>").append(esc(item.label() + " : ")).append("</span><strong>")
					.append(esc(euros(item.euros()))).append("</strong><span class=\"mark\">").append(esc(item.mark()))
					.append("</span></li>");
			}
			out.append("\n</ul>\n");
		}
		out.append('\n');
	}

	private static void details(StringBuilder out, StatementView view, List<? extends EstimatedStream> est) {
		StatementLetter letter = view.letter();
		boolean estimate = est != null;
		out.append("\n<h2>Détail des montants</h2>\n");
		List<StatementLetter.Section> sections = letter.sections();
		for (int s = 0; s < sections.size(); s++) {
			StatementLetter.Section section = sections.get(s);
			boolean first = s == 0;
			if (!(!estimate || first || est.get(s - 1).estimated())) {
				continue;
			}
			out.append("\n<h3>").append(esc(section.title())).append("</h3>\n");
			out.append("<!-- the forfait's paid lines only (every commitment is in the annex's table.lines) -->\n");
			out.append(first ? "<table class=\"paid-lines\">\n" : "<table class=\"lines\">\n");
			out.append("  <colgroup><col style=\"width: 37%\"/><col style=\"width: 51%\"/><col style=\"width: 12%\"/></colgroup>\n");
			out.append("  <thead><tr><th>Ligne</th><th>Calcul et texte applicable</th><th class=\"num\">Montant</th></tr></thead>\n");
			out.append("  <tbody>\n  ");
			Separator between = new Separator(out, "\n  ");
			for (StatementLetter.Line line : section.lines()) {
				between.next();
				out.append(line.euros().signum() != 0 ? "<tr class=\"paid\">" : "<tr class=\"unpaid\">");
				out.append("\n    <td><span class=\"label\">").append(esc(line.label())).append("</span>\n      ");
				if (!blank(line.detail())) {
					out.append("<span class=\"text\">").append(esc("— " + line.detail())).append("</span>");
				}
				out.append("\n      ");
				if (!blank(line.note())) {
					out.append("<span class=\"note\">").append(esc("— " + line.note())).append("</span>");
				}
				out.append("</td>\n    <td><span class=\"arith\">").append(esc(line.arithmetic())).append("</span>\n      ");
				if (!blank(line.text())) {
					out.append("<div class=\"text\">").append(esc(line.text())).append("</div>");
				}
				out.append("</td>\n    <td class=\"num\"><span>").append(esc(euros(line.euros())))
					.append("</span><span class=\"mark\">").append(esc(line.mark())).append("</span></td>\n  </tr>");
			}
			out.append("\n  <tr class=\"total\">\n    <td colspan=\"2\">").append(esc("Total — " + section.title()))
				.append("</td>\n    <td class=\"num\">").append(esc(euros(section.totalEuros())))
				.append("</td>\n  </tr>\n  </tbody>\n</table>\n");
			if (!blank(section.remark())) {
				out.append("<p class=\"legend\">").append(esc(section.remark())).append("</p>");
			}
			out.append('\n');
		}
		out.append('\n');
		if (!view.streams().isEmpty()) {
			out.append("<table class=\"summary\">\n  <tr class=\"total\"><td>")
				.append(estimate ? "Total des paiements estimés" : "Total des paiements de l&#39;exercice")
				.append(estimate ? "</td><td class=\"num\">" : "</td><td class=\"num\" id=\"grand-total\">")
				.append(esc(euros(view.grandTotalEuros()))).append("</td></tr>\n</table>");
		}
		out.append("\n\n");
		if (!letter.marks().isEmpty()) {
			out.append("<p class=\"legend\">").append(esc(String.join(" ", letter.marks()))).append("</p>");
		}
		out.append('\n');
		if (!estimate) {
			out.append("<p class=\"legend\">").append(esc(view.recourse())).append("</p>");
		}
		out.append('\n');
		if (estimate) {
			out.append("<p class=\"legend\">Cette estimation n'est pas une décision de paiement : le montant dû est celui du relevé\n"
					+ "  envoyé par votre caisse après le calcul officiel.</p>");
		}
		out.append('\n');
	}

	private static void annex(StringBuilder out, StatementView view, List<? extends EstimatedStream> est,
			List<PeerBenchmarkView.Row> peers) {
		StatementLetter letter = view.letter();
		boolean estimate = est != null;
		out.append("\n<div class=\"annex\">\n<h2>Annexe — détail des engagements</h2>\n");
		out.append("<p class=\"legend\">« Si atteint » : ce que l'engagement non rempli aurait payé, calculé aux valeurs de l'exercice");
		if (!letter.marks().isEmpty()) {
			out.append(", dont certaines sont provisoires (voir la légende des marques)");
		}
		out.append(".</p>\n<table class=\"lines\">\n  <colgroup>\n");
		out.append("    <col style=\"width: 33%\"/><col style=\"width: 6%\"/><col style=\"width: 8%\"/><col style=\"width: 10%\"/>\n");
		out.append("    <col style=\"width: 12%\"/><col style=\"width: 31%\"/>\n  </colgroup>\n  <thead>\n");
		out.append("  <tr><th>Engagement</th><th>Socle</th><th>Réponse déclarée</th><th>Résultat</th><th class=\"num\">Montant</th><th>Si atteint</th></tr>\n");
		out.append("  </thead>\n  <tbody>\n  ");
		Separator between = new Separator(out, "\n  ");
		for (StatementLetter.Indicator line : letter.indicators()) {
			between.next();
			out.append(line.paid() ? "<tr class=\"paid\">" : "<tr class=\"unpaid\">");
			out.append("\n    <td><strong>").append(esc(line.label())).append("</strong>\n      ");
			if (!blank(line.text())) {
				out.append("<div class=\"text\">").append(esc(line.text())).append("</div>");
			}
			out.append("\n      ");
			if (!blank(line.note())) {
				out.append("<div class=\"note\">").append(esc(line.note())).append("</div>");
			}
			out.append("</td>\n    <td>").append(esc(line.socle())).append("</td>\n    <td>").append(esc(line.declared()))
				.append("</td>\n    <td>").append(esc(line.verdict())).append("</td>\n    <td class=\"num\">")
				.append(esc(euros(line.euros()))).append("</td>\n    <td class=\"arith\"><span>").append(esc(line.ifMet()))
				.append("</span><span class=\"mark\">").append(esc(line.mark())).append("</span></td>\n  </tr>");
		}
		out.append("\n  <tr class=\"total\">\n    <td colspan=\"4\">Total de la rémunération forfaitaire</td>\n    ")
			.append(estimate ? "<td class=\"num\">" : "<td class=\"num\" id=\"total\">").append(esc(euros(view.totalEuros())))
			.append("</td>\n    <td></td>\n  </tr>\n  </tbody>\n</table>\n\n<h2>Centre et données retenues</h2>\n")
			.append("<!-- the values' marks are on page 1: not repeated here -->\n<table class=\"fields\">\n  ");
		Separator betweenFields = new Separator(out, "\n  ");
		for (StatementView.Field field : view.fields()) {
			betweenFields.next();
			if (!field.label().startsWith("Total")) {
				out.append("<tr>\n    <td>").append(esc(field.label())).append("</td><td>").append(esc(field.value()))
					.append("</td>\n  </tr>");
			}
		}
		out.append("\n  ");
		if (estimate) {
			out.append("<tr><td>Données patients</td><td>nombres saisis dans la calculette</td></tr>");
		}
		out.append("\n</table>\n");
		if (!view.notes().isEmpty()) {
			out.append("\n<h3>À noter</h3>\n<ul class=\"notes legend\">");
			items(out, view.notes());
			out.append("</ul>\n");
		}
		out.append("\n\n");
		List<StatementLetter.Section> sections = letter.sections();
		for (int s = 0; s < sections.size(); s++) {
			StatementLetter.Section section = sections.get(s);
			if (!section.notes().isEmpty() && (!estimate || s == 0 || est.get(s - 1).estimated())) {
				out.append("\n<h3>").append(esc(section.title())).append("</h3>\n<ul class=\"notes legend\">");
				items(out, section.notes());
				out.append("</ul>\n");
			}
		}
		out.append("\n\n");
		if (!estimate) {
			out.append('\n');
			if (view.payment() != null) {
				payment(out, view.payment(), view.streams().isEmpty() ? "Paiement" : "Paiement — rémunération forfaitaire");
			}
			out.append('\n');
			for (StreamSection stream : view.streams()) {
				if (stream.payment() != null) {
					payment(out, stream.payment(), "Paiement — " + stream.stream());
				}
			}
			out.append("\n\n<!-- the peer benchmark: context for the centre, in the annex so that the letter keeps to two pages -->\n");
			if (peers != null) {
				peers(out, peers);
			}
			out.append('\n');
		}
		out.append("\n\n<h2>").append(estimate ? "Comment lire cette estimation" : "Comment lire ce relevé")
			.append("</h2>\n<ul class=\"legend\">");
		for (String item : view.legend()) {
			if (!item.startsWith("«")) {
				out.append("<li>").append(esc(item)).append("</li>");
			}
		}
		out.append("</ul>\n");
		if (!letter.marks().isEmpty()) {
			out.append("<p class=\"legend\">Les marques de valeur provisoire sont expliquées à la fin du détail des montants.</p>");
		}
		out.append("\n</div>\n");
	}

	/** The peer benchmark's block of a statement (the former fragment {@code peer-benchmark :: statement}). */
	private static void peers(StringBuilder out, List<PeerBenchmarkView.Row> peers) {
		out.append("<div class=\"peers\">\n<h2>Repères : votre centre et les centres du même type</h2>\n")
			.append("<table class=\"summary\" id=\"peer-benchmark\">\n")
			.append("  <thead><tr><th>Repère</th><th>Votre centre</th><th>1<sup>er</sup> quartile</th><th>Médiane</th>")
			.append("<th>3<sup>e</sup> quartile</th><th>Centres comparés</th></tr></thead>\n  <tbody>\n  ");
		Separator between = new Separator(out, "\n  ");
		for (PeerBenchmarkView.Row peer : peers) {
			between.next();
			out.append("<tr>\n    <td>").append(esc(peer.measure())).append("</td>\n    <td class=\"num\">")
				.append(esc(peer.centre())).append("</td>\n    <td class=\"num\">").append(esc(peer.q1()))
				.append("</td>\n    <td class=\"num\">").append(esc(peer.median())).append("</td>\n    <td class=\"num\">")
				.append(esc(peer.q3())).append("</td>\n    <td class=\"detail\">").append(esc(peer.compared()))
				.append("</td>\n  </tr>");
		}
		out.append("\n  </tbody>\n</table>\n<ul class=\"legend\">");
		items(out, PeerBenchmarkView.METHOD);
		out.append("</ul>\n</div>");
	}

	/**
	 * The regularisation and recovery statement (the former {@code regularisation.html}), in the
	 * statement's style.
	 *
	 * @param style the {@code <style>} element of {@code common.html}
	 */
	public static String regularisation(String style, RegularisationView view) {
		StringBuilder out = new StringBuilder(32 * 1024);
		out.append(DOCTYPE_HEAD).append(esc(view.title() + " — " + view.finess())).append("</title>\n");
		out.append(style).append("\n</head>\n<body>\n<div class=\"running\">").append(esc(view.header()))
			.append("</div>\n<h1>").append(esc(view.title())).append("</h1>\n\n<h2>Centre et motif</h2>\n");
		fields(out, view.fields(), view.notes());
		out.append("\n\n");
		payment(out, view.payment(), "Paiement");
		out.append("\n\n");
		recovery(out, view.recovery());
		out.append("\n\n<h2>Détail par indicateur</h2>\n");
		changes(out, view.lines(), "Indicateur", "Total de la rémunération forfaitaire", view.previousTotalEuros(),
				view.newTotalEuros(), view.differenceEuros(), "difference");
		out.append("\n\n");
		Separator between = new Separator(out, "\n\n");
		for (RegularisationView.StreamChanges stream : view.streams()) {
			between.next();
			out.append("<div>\n  <h2>").append(esc(stream.title())).append("</h2>\n  ");
			payment(out, stream.payment(), "Paiement — " + stream.stream());
			out.append("\n  ");
			recovery(out, stream.recovery());
			out.append("\n  ");
			changes(out, stream.lines(), "Ligne", "Total — " + stream.title(), stream.previousTotalEuros(),
					stream.newTotalEuros(), stream.differenceEuros(), "difference-" + stream.stream());
			out.append("\n</div>");
		}
		out.append("\n\n<h2>Comment lire ce relevé</h2>\n<ul class=\"legend\">");
		items(out, view.legend());
		out.append("</ul>\n\n<h2>Contact et recours</h2>\n<p class=\"legend\">").append(esc(view.recourse()))
			.append("</p>\n<!-- fragments of this page: a recovery notice, a table of changes -->\n\n</body>\n</html>\n");
		return out.toString();
	}

	/** The header fields and notes of a regularisation (the former fragment {@code common :: fields}). */
	private static void fields(StringBuilder out, List<StatementView.Field> fields, List<String> notes) {
		out.append("<div>\n<table class=\"fields\">\n  ");
		Separator between = new Separator(out, "\n  ");
		for (StatementView.Field field : fields) {
			between.next();
			out.append("<tr>\n    <td>").append(esc(field.label())).append("</td>\n    <td><span>").append(esc(field.value()))
				.append("</span>\n      ");
			if (!blank(field.note())) {
				out.append("<span class=\"note\">").append(esc(" * " + field.note())).append("</span>");
			}
			out.append("</td>\n  </tr>");
		}
		out.append("\n</table>\n\n");
		if (!notes.isEmpty()) {
			out.append("<div>\n  <h2>À noter</h2>\n  <ul class=\"notes\">");
			items(out, notes);
			out.append("</ul>\n</div>");
		}
		out.append("\n</div>");
	}

	/** A payment section (the former fragment {@code common :: payment}). */
	private static void payment(StringBuilder out, PaymentSection payment, String heading) {
		out.append("<div>\n<h2>").append(esc(heading)).append("</h2>\n<table class=\"payment\">\n")
			.append("  <thead><tr><th>Rubrique</th><th>Montant</th><th>Détail</th></tr></thead>\n  <tbody>\n  ");
		List<PaymentSection.Row> rows = payment.rows();
		for (int i = 0; i < rows.size(); i++) {
			PaymentSection.Row row = rows.get(i);
			if (i > 0) {
				out.append("\n  ");
			}
			out.append(i == rows.size() - 1 ? "<tr class=\"due\">" : "<tr>").append("\n    <td>").append(esc(row.label()))
				.append("</td>\n    <td class=\"num\">").append(esc(euros(row.amountEuros()))).append("</td>\n    <td>")
				.append(esc(row.detail())).append("</td>\n  </tr>");
		}
		out.append("\n  </tbody>\n</table>\n</div>");
	}

	/** A recovery notice (CSS art. R133-9-1), or nothing. */
	private static void recovery(StringBuilder out, RegularisationView.RecoveryNotice recovery) {
		if (recovery == null) {
			return;
		}
		out.append("<div class=\"notice\">\n")
			.append("  <h2>Notification de trop-perçu (article R133-9-1 du code de la sécurité sociale)</h2>\n")
			.append("  <table class=\"fields\">\n    <tr><td>Cause</td><td>").append(esc(recovery.cause()))
			.append("</td></tr>\n    <tr><td>Nature</td><td>").append(esc(recovery.nature()))
			.append("</td></tr>\n    <tr><td>Montant réclamé</td><td class=\"recovery\">")
			.append(esc(euros(recovery.amountEuros()))).append("</td></tr>\n    ");
		Separator between = new Separator(out, "\n    ");
		for (PaymentSection.Row payment : recovery.payments()) {
			between.next();
			out.append("<tr>\n      <td>").append(esc("Versement concerné : " + payment.label())).append("</td>\n      <td>")
				.append(esc(euros(payment.amountEuros()) + " — " + payment.detail())).append("</td>\n    </tr>");
		}
		out.append("\n  </table>\n  ");
		between = new Separator(out, "\n  ");
		for (String mention : recovery.mentions()) {
			between.next();
			out.append("<p>").append(esc(mention)).append("</p>");
		}
		out.append("\n</div>");
	}

	/** A table of changes, line by line (the former fragment {@code regularisation :: changes}). */
	private static void changes(StringBuilder out, List<LineChanges.Change> lines, String what, String totalLabel,
			BigDecimal previousTotal, BigDecimal newTotal, BigDecimal difference, String totalId) {
		out.append("<table class=\"lines\">\n  <colgroup>\n")
			.append("    <col style=\"width: 30%\"/><col style=\"width: 12%\"/><col style=\"width: 12%\"/><col style=\"width: 12%\"/>\n")
			.append("    <col style=\"width: 34%\"/>\n  </colgroup>\n  <thead>\n  <tr><th>").append(esc(what))
			.append("</th><th>Montant précédent</th><th>Nouveau montant</th><th>Différence</th><th>Origine de la différence</th></tr>\n")
			.append("  </thead>\n  <tbody>\n  ");
		Separator between = new Separator(out, "\n  ");
		for (LineChanges.Change line : lines) {
			between.next();
			out.append("<tr>\n    <td><strong>").append(esc(line.label())).append("</strong>\n      ");
			if (line.provisional()) {
				out.append("<div class=\"note\">").append(esc("* " + line.statusNote())).append("</div>");
			}
			out.append("</td>\n    <td class=\"num\">").append(esc(euros(line.previousEuros())))
				.append("</td>\n    <td class=\"num\"><span>").append(esc(euros(line.newEuros()))).append("</span>");
			if (line.provisional()) {
				out.append("<span class=\"mark\"> *</span>");
			}
			int sign = line.differenceEuros().signum();
			out.append("</td>\n    ")
				.append(sign > 0 ? "<td class=\"num diff-pos\">" : sign < 0 ? "<td class=\"num diff-neg\">" : "<td class=\"num\">")
				.append(esc(euros(line.differenceEuros()))).append("</td>\n    <td class=\"detail\">")
				.append(esc(line.cause())).append("</td>\n  </tr>");
		}
		out.append("\n  <tr class=\"total\">\n    <td>").append(esc(totalLabel)).append("</td>\n    <td class=\"num\">")
			.append(esc(euros(previousTotal))).append("</td>\n    <td class=\"num\">").append(esc(euros(newTotal)))
			.append("</td>\n    <td class=\"num\" id=\"").append(esc(totalId)).append("\">").append(esc(euros(difference)))
			.append("</td>\n    <td></td>\n  </tr>\n  </tbody>\n</table>");
	}

	private static void items(StringBuilder out, List<String> items) {
		for (String item : items) {
			out.append("<li>").append(esc(item)).append("</li>");
		}
	}

	private static String euros(BigDecimal amount) {
		return FrenchFormat.euros(amount);
	}

	/**
	 * As Thymeleaf's {@code th:text} in HTML mode ({@link HtmlEscape#escapeHtml4Xml}, which changes
	 * only {@code < > & " '}, into {@code &lt; &gt; &amp; &quot; &#39;}): {@code null} writes
	 * nothing; a text without any of those five characters, most of them, is returned as it is. The
	 * replacement is done here rather than by the escaper, which looked every character up in its
	 * tables: French text has an apostrophe in most sentences (issue 21; the escaping test compares
	 * the two for every UTF-16 character and for hostile texts).
	 */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		int length = text.length();
		int first = 0;
		while (first < length && entity(text.charAt(first)) == null) {
			first++;
		}
		if (first == length) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(length + 16);
		int from = 0;
		for (int i = first; i < length; i++) {
			String entity = entity(text.charAt(i));
			if (entity != null) {
				escaped.append(text, from, i).append(entity);
				from = i + 1;
			}
		}
		return escaped.append(text, from, length).toString();
	}

	/** The entity {@link HtmlEscape#escapeHtml4Xml} writes for one of the five characters, or {@code null}. */
	private static String entity(char c) {
		return switch (c) {
			case '<' -> "&lt;";
			case '>' -> "&gt;";
			case '&' -> "&amp;";
			case '"' -> "&quot;";
			case '\'' -> "&#39;";
			default -> null;
		};
	}

	/** As Thymeleaf's {@code #strings.isEmpty}: null, empty or only whitespace. */
	private static boolean blank(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Appends its separator before every item but the first (the whitespace Thymeleaf's th:each left between items). */
	private static final class Separator {

		private final StringBuilder out;

		private final String separator;

		private boolean first = true;

		Separator(StringBuilder out, String separator) {
			this.out = out;
			this.separator = separator;
		}

		void next() {
			if (!this.first) {
				this.out.append(this.separator);
			}
			this.first = false;
		}

	}

}
