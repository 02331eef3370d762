package fr.cds.remuneration.impact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.impact.ImpactReport.DraftReport;
import fr.cds.remuneration.impact.ImpactReport.Group;
import fr.cds.remuneration.impact.ImpactReport.IndicatorChange;
import fr.cds.remuneration.output.AtomicFiles;

/**
 * Writes {@code synthese.txt}: one page in French for a negotiation meeting, draft by draft: what
 * changes, the cost, who gains and who loses, the socle, the regions and types most affected.
 */
final class NegotiationSummary {

	static final String FILE = "synthese.txt";

	/** Regions, indicators and centres named on the page: the largest changes, so that it stays one page. */
	private static final int SHOWN = 5;

	private NegotiationSummary() {
	}

	static void write(Path directory, ImpactReport report) {
		String text = render(report);
		AtomicFiles.write(directory.resolve(FILE), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String render(ImpactReport report) {
		StringBuilder out = new StringBuilder();
		String title = "Impact " + (report.drafts().size() > 1 ? "des projets d'avenant" : "du projet d'avenant")
				+ " sur l'exercice " + report.exercice();
		out.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
		out.append("Base : règles ").append(report.baseReference()).append(", appliquées aux données figées du traitement annuel n° ")
			.append(report.annualRunId()).append(" (calcul du ").append(FrenchFormat.date(report.computedOn()))
			.append(").\nEstimation : rien n'est payé ni enregistré. Montants tous paiements, en euros.\n");
		for (DraftReport draft : report.drafts()) {
			section(out, draft);
		}
		if (report.drafts().size() > 1) {
			out.append("\nEn comparaison\n");
			for (DraftReport draft : report.drafts()) {
				out.append("  ").append(draft.draft().name()).append(" : ").append(ImpactHtmlView.signed(draft.national().difference()))
					.append(", ").append(draft.distribution().gains()).append(" en hausse, ")
					.append(draft.distribution().losses()).append(" en baisse\n");
			}
		}
		return out.toString();
	}

	private static void section(StringBuilder out, DraftReport draft) {
		Group national = draft.national();
		var d = draft.distribution();
		out.append("\nProjet « ").append(draft.draft().name()).append(" » (").append(draft.draft().reference())
			.append(")\n");
		out.append("  Ce qui change : ");
		List<IndicatorChange> indicators = draft.indicators();
		if (indicators.isEmpty()) {
			out.append("aucun montant ne change.\n");
		}
		else {
			out.append(String.join(" ; ", indicators.stream()
				.limit(SHOWN)
				.map(i -> i.code() + " " + ImpactHtmlView.signed(i.difference()) + " (" + centres(i.centres()) + ")")
				.toList()));
			out.append(indicators.size() > SHOWN ? " ; et " + (indicators.size() - SHOWN) + " autres.\n" : ".\n");
		}
		out.append("  Coût : ").append(ImpactHtmlView.euros(national.before())).append(" → ")
			.append(ImpactHtmlView.euros(national.after())).append(", soit ").append(ImpactHtmlView.signed(national.difference()));
		String rate = ImpactHtmlView.rate(national.before(), national.difference());
		out.append(rate.isEmpty() ? "" : " (" + rate + ")").append(" pour ").append(centres(national.centres())).append(".\n");
		draft.byStream().stream().filter(g -> g.difference().signum() != 0).forEach(g -> out.append("    dont ")
			.append(g.label()).append(" : ").append(ImpactHtmlView.signed(g.difference())).append('\n'));
		out.append("  Qui gagne, qui perd : ").append(centres(d.gains())).append(" en hausse (")
			.append(ImpactHtmlView.signed(d.gained())).append("), ").append(centres(d.losses())).append(" en baisse (")
			.append(ImpactHtmlView.signed(d.lost())).append("), ").append(centres(d.unchanged())).append(" inchangé")
			.append(d.unchanged() > 1 ? "s" : "").append(".\n");
		if (!d.deciles().isEmpty()) {
			out.append("    écart par centre : de ").append(ImpactHtmlView.signed(d.min())).append(" à ")
				.append(ImpactHtmlView.signed(d.max())).append(", médiane ").append(ImpactHtmlView.signed(d.deciles().get(4)))
				.append(" (1er décile ").append(ImpactHtmlView.signed(d.deciles().get(0))).append(", 9e décile ")
				.append(ImpactHtmlView.signed(d.deciles().get(8))).append(")\n");
		}
		long gained = draft.socleChanges().stream().filter(s -> s.metAfter()).count();
		long lost = draft.socleChanges().size() - gained;
		out.append("  Socle : ");
		List<String> socle = new java.util.ArrayList<>();
		if (gained > 0) {
			socle.add(gained + " centre(s) l'atteignent et deviennent payés de la rémunération forfaitaire");
		}
		if (lost > 0) {
			socle.add(lost + " centre(s) ne l'atteignent plus et perdent toute la rémunération forfaitaire");
		}
		out.append(socle.isEmpty() ? "aucun centre ne change de verdict" : String.join(", ", socle)).append(".\n");
		out.append("  Régions les plus touchées : ").append(largest(draft.byRegion())).append('\n');
		out.append("  Par type de centre : ").append(largest(draft.byType())).append('\n');
	}

	private static String largest(List<Group> groups) {
		List<Group> moved = groups.stream()
			.filter(g -> g.difference().signum() != 0)
			.sorted(Comparator.comparing((Group g) -> g.difference().abs(), Comparator.reverseOrder())
				.thenComparing(Group::code))
			.limit(SHOWN)
			.toList();
		if (moved.isEmpty()) {
			return "aucun changement.";
		}
		return String.join(" ; ", moved.stream()
			.map(g -> g.label() + " " + ImpactHtmlView.signed(g.difference()) + perCentre(g))
			.toList()) + ".";
	}

	private static String perCentre(Group group) {
		return group.centres() > 1 ? " (" + centres(group.centres()) + ")" : "";
	}

	private static String centres(long count) {
		return FrenchFormat.integer(count) + (count > 1 ? " centres" : " centre");
	}

}
