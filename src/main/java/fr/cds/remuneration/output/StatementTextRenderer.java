package fr.cds.remuneration.output;

import java.math.BigDecimal;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * A statement as plain text for a terminal: what the {@code explain} and {@code simulate}
 * commands print. Same view, same words as the CSV and HTML statements.
 */
public final class StatementTextRenderer {

	private static final int LABEL_WIDTH = 40;

	private StatementTextRenderer() {
	}

	public static String render(StatementView view) {
		StringBuilder out = new StringBuilder();
		out.append(view.title()).append('\n').append("=".repeat(view.title().length())).append("\n\n");
		for (StatementView.Field field : view.fields()) {
			out.append(pad(field.label(), LABEL_WIDTH)).append(field.value());
			if (!field.note().isEmpty()) {
				out.append("  * ").append(field.note());
			}
			out.append('\n');
		}
		if (!view.notes().isEmpty()) {
			out.append("\nÀ noter\n");
			view.notes().forEach(note -> out.append("  - ").append(note).append('\n'));
		}
		out.append("\nDétail par indicateur (").append(view.unitLabel()).append(")\n");
		for (StatementView.Line line : view.lines()) {
			out.append('\n')
				.append(line.code())
				.append(" — ")
				.append(line.label())
				.append(line.socle().equals("oui") ? " [socle]" : "")
				.append('\n');
			out.append("    réponse : ")
				.append(line.declared().isEmpty() ? "(aucune)" : line.declared())
				.append(" ; résultat : ")
				.append(line.verdict());
			if (!line.verdictNote().isEmpty()) {
				out.append(" (").append(line.verdictNote()).append(')');
			}
			out.append('\n');
			if (!line.formula().isEmpty()) {
				out.append("    calcul : ").append(line.formula()).append('\n');
			}
			out.append("    fixe ")
				.append(number(line.fixed()))
				.append(" + variable ")
				.append(number(line.variable()))
				.append(" + majoration ")
				.append(number(line.uplift()))
				.append(" = ")
				.append(number(line.total()))
				.append(" → ")
				.append(FrenchFormat.euros(line.euros()));
			if (line.ifMetEuros() != null) {
				out.append(" (si atteint : ").append(FrenchFormat.euros(line.ifMetEuros())).append(')');
			}
			if (line.provisional()) {
				out.append("  * ").append(line.statusNote());
			}
			out.append('\n');
		}
		out.append('\n')
			.append(pad("TOTAL", LABEL_WIDTH))
			.append(FrenchFormat.euros(view.totalEuros()))
			.append("\n\n");
		for (StreamSection stream : view.streams()) {
			appendStream(out, stream);
		}
		if (!view.streams().isEmpty()) {
			out.append(pad("TOTAL DES PAIEMENTS DE L'EXERCICE", LABEL_WIDTH))
				.append(FrenchFormat.euros(view.grandTotalEuros()))
				.append("\n\n");
		}
		if (!view.whatIf().isEmpty()) {
			out.append("Ce que le centre aurait pu percevoir\n");
			view.whatIf().forEach(item -> out.append("  - ").append(item).append('\n'));
			out.append('\n');
		}
		view.legend().forEach(item -> out.append(item).append('\n'));
		out.append('\n').append(view.recourse()).append('\n');
		return out.toString();
	}

	/** A stream's section: one block per line, its total and notes. */
	private static void appendStream(StringBuilder out, StreamSection stream) {
		out.append(stream.title()).append('\n').append("-".repeat(stream.title().length())).append('\n');
		for (StreamSection.Row line : stream.lines()) {
			out.append(line.code()).append(" — ").append(line.label());
			if (!line.detail().isEmpty()) {
				out.append(", ").append(line.detail());
			}
			out.append('\n');
			if (!line.formula().isEmpty()) {
				out.append("    calcul : ").append(line.formula()).append('\n');
			}
			out.append("    → ").append(FrenchFormat.euros(line.euros()));
			if (!line.note().isEmpty()) {
				out.append(" (").append(line.note()).append(')');
			}
			if (line.provisional()) {
				out.append("  * ").append(line.statusNote());
			}
			out.append('\n');
		}
		stream.notes().forEach(note -> out.append("  - ").append(note).append('\n'));
		out.append(pad("TOTAL", LABEL_WIDTH)).append(FrenchFormat.euros(stream.totalEuros())).append("\n\n");
	}

	private static String number(BigDecimal value) {
		return FrenchFormat.decimal(value, 2);
	}

	private static String pad(String text, int width) {
		return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
	}

}
