package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.StreamLine;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.output.LineChanges;

/**
 * A centre's statement under the base and under a draft, line by line, as text for a terminal
 * ({@code impact --finess}): each indicator of the forfait and each line of the other payments,
 * before, after, the difference and, for the forfait, why it changed.
 */
final class CentreComparison {

	private static final int LABEL = 44;

	private static final int AMOUNT = 15;

	private CentreComparison() {
	}

	static String render(Draft draft, CentreImpact centre) {
		CentreResult before = centre.before();
		CentreResult after = centre.after();
		var who = after.centre();
		StringBuilder out = new StringBuilder();
		String title = "Centre " + who.finess() + " — " + who.name();
		out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
		out.append(who.typeLabel()).append(", ").append(who.regionName()).append(" ; exercice ").append(after.exercice())
			.append('\n');
		out.append("Avant : règles ").append(before.ruleSet().reference()).append(" ; après : projet « ")
			.append(draft.name()).append(" » (").append(after.ruleSet().reference()).append(")\n\n");
		out.append("Socle : ").append(ImpactTable.socle(before)).append(failed(before)).append(" → ")
			.append(ImpactTable.socle(after)).append(failed(after)).append("\n\n");

		out.append(FrenchFormat.capitalized(before.forfait().title())).append('\n');
		header(out);
		List<LineChanges.Change> changes = LineChanges.compare(Optional.of(before), after,
				id -> draft.rules().ruleSet().texts().stream().filter(t -> t.id().equals(id)).findFirst());
		for (LineChanges.Change change : changes) {
			row(out, change.code() + " " + change.label(), change.previousEuros(), change.newEuros(), change.cause());
		}
		row(out, "Total", before.totalEuros(), after.totalEuros(), "");

		for (PaymentStream stream : PaymentStream.others()) {
			Optional<StreamResult> old = before.stream(stream);
			Optional<StreamResult> now = after.stream(stream);
			if (old.isEmpty() && now.isEmpty()) {
				continue;
			}
			out.append('\n').append(FrenchFormat.capitalized(stream.label())).append('\n');
			header(out);
			Map<String, BigDecimal[]> lines = new LinkedHashMap<>();
			old.ifPresent(s -> s.lines().forEach(l -> lines.computeIfAbsent(key(l), k -> zeros())[0] = l.euros()));
			now.ifPresent(s -> s.lines().forEach(l -> lines.computeIfAbsent(key(l), k -> zeros())[1] = l.euros()));
			lines.forEach((label, amounts) -> row(out, label, amounts[0], amounts[1], ""));
			row(out, "Total", CentreImpact.byStream(before).get(stream), CentreImpact.byStream(after).get(stream), "");
		}
		out.append('\n');
		row(out, "Tous paiements", CentreImpact.total(before), CentreImpact.total(after), "");
		return out.toString();
	}

	private static String key(StreamLine line) {
		return line.code() + " " + line.label() + (line.detail().isEmpty() ? "" : " (" + line.detail() + ")");
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
	}

	private static String failed(CentreResult result) {
		return result.socle().failed().isEmpty() ? "" : " (" + String.join(", ", result.socle().failed()) + ")";
	}

	private static void header(StringBuilder out) {
		out.append("  ").append(pad("Ligne", LABEL)).append(left("Avant")).append(left("Après")).append(left("Écart"))
			.append("  Cause\n");
	}

	private static void row(StringBuilder out, String label, BigDecimal before, BigDecimal after, String cause) {
		out.append("  ").append(pad(label, LABEL)).append(left(FrenchFormat.euros(before)))
			.append(left(FrenchFormat.euros(after))).append(left(ImpactHtmlView.signed(after.subtract(before))));
		if (!cause.isEmpty()) {
			out.append("  ").append(cause);
		}
		out.append('\n');
	}

	private static String pad(String text, int width) {
		String cut = text.length() > width - 1 ? text.substring(0, width - 2) + "…" : text;
		return cut + " ".repeat(Math.max(1, width - cut.length()));
	}

	private static String left(String text) {
		return " ".repeat(Math.max(1, AMOUNT - text.length())) + text;
	}

}
