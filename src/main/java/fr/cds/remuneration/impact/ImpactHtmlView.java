package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.impact.ImpactReport.DraftReport;
import fr.cds.remuneration.impact.ImpactReport.Group;

/**
 * The model of {@code templates/impact.html}: every figure already formatted in French, and the
 * geometry of the inline SVG bar charts (no script, no external resource).
 */
public record ImpactHtmlView(String title, String legend, List<Side> sides, List<Section> sections) {

	/** A draft's headline, for the side-by-side table. */
	public record Side(String name, String reference, String before, String after, String difference, String rate,
			long gains, long losses, long unchanged, long socleChanges) {
	}

	public record Section(String name, String reference, List<Line> byStream, List<Line> byRegion, List<Line> byType,
			List<Line> deciles, List<Line> socle, List<Line> indicators, List<Chart> charts) {
	}

	/** A table row: a label, up to three figures and a note. */
	public record Line(String label, String before, String after, String difference, String note) {
	}

	/** A horizontal bar chart; a bar starts at {@code zero} and goes right (positive) or left. */
	public record Chart(String title, List<Bar> bars, int height, int zero) {
	}

	public record Bar(String label, String value, int y, int x, int width, boolean negative) {
	}

	static final int LABEL_WIDTH = 230;

	static final int BAR_AREA = 440;

	private static final int BAR_HEIGHT = 22;

	/** Classes of the per-centre difference: four of decreases, unchanged, four of increases. */
	private static final int CLASSES = 9;

	public static ImpactHtmlView of(ImpactReport report) {
		String title = "Impact de projets d'avenant — exercice " + report.exercice();
		String legend = "Chaque centre est recalculé à partir des données figées du traitement annuel n° "
				+ report.annualRunId() + ", sous les règles de base " + report.baseReference()
				+ " (« avant ») et sous chaque projet (« après »), le " + FrenchFormat.date(report.computedOn())
				+ ". Rien n'est payé ni enregistré : ce sont des estimations. Montants en euros, tous paiements"
				+ " (rémunération forfaitaire, forfait médecin traitant, suppléments à l'acte, aides sur contrat).";
		List<Side> sides = report.drafts().stream().map(ImpactHtmlView::side).toList();
		return new ImpactHtmlView(title, legend, sides, report.drafts().stream().map(ImpactHtmlView::section).toList());
	}

	private static Side side(DraftReport draft) {
		Group national = draft.national();
		var d = draft.distribution();
		return new Side(draft.draft().name(), draft.draft().reference(), euros(national.before()),
				euros(national.after()), signed(national.difference()), rate(national.before(), national.difference()),
				d.gains(), d.losses(), d.unchanged(), draft.socleChanges().size());
	}

	private static Section section(DraftReport draft) {
		var d = draft.distribution();
		List<Line> deciles = new ArrayList<>();
		deciles.add(new Line("Centres en hausse", FrenchFormat.integer(d.gains()), signed(d.gained()), "", ""));
		deciles.add(new Line("Centres en baisse", FrenchFormat.integer(d.losses()), signed(d.lost()), "", ""));
		deciles.add(new Line("Centres inchangés", FrenchFormat.integer(d.unchanged()), "", "", ""));
		deciles.add(new Line("Écart minimal", signed(d.min()), "", "", ""));
		for (int k = 0; k < d.deciles().size(); k++) {
			deciles.add(new Line((k + 1) + (k == 0 ? "er" : "e") + " décile" + (k == 4 ? " (médiane)" : ""),
					signed(d.deciles().get(k)), "", "", ""));
		}
		deciles.add(new Line("Écart maximal", signed(d.max()), "", "", ""));
		List<Line> socle = draft.socleChanges()
			.stream()
			.map(s -> new Line(s.finess() + " " + s.name(), s.metBefore() ? "atteint" : "non atteint (" + String.join(", ", s.failedBefore()) + ")",
					s.metAfter() ? "atteint" : "non atteint (" + String.join(", ", s.failedAfter()) + ")",
					signed(s.difference()), s.region()))
			.toList();
		List<Line> indicators = draft.indicators()
			.stream()
			.map(i -> new Line(i.code(), FrenchFormat.integer(i.centres()), "", signed(i.difference()), ""))
			.toList();
		Map<String, BigDecimal> classes = new LinkedHashMap<>();
		for (int i = 0; i < CLASSES; i++) {
			classes.put(classLabel(i), BigDecimal.ZERO);
		}
		for (CentreImpact centre : draft.centres()) {
			classes.merge(classLabel(classOf(centre.difference())), BigDecimal.ONE, BigDecimal::add);
		}
		Map<String, BigDecimal> regions = new LinkedHashMap<>();
		draft.byRegion().forEach(g -> regions.put(g.label(), g.difference()));
		Map<String, BigDecimal> types = new LinkedHashMap<>();
		draft.byType().forEach(g -> types.put(g.label(), g.difference()));
		List<Chart> charts = List.of(
				chart("Répartition des centres selon l'écart (tous paiements)", classes, ImpactHtmlView::centres),
				chart("Écart par région", regions, ImpactHtmlView::signed),
				chart("Écart par type de centre", types, ImpactHtmlView::signed));
		return new Section(draft.draft().name(), draft.draft().reference(), lines(draft.byStream()),
				lines(draft.byRegion()), lines(draft.byType()), deciles, socle, indicators, charts);
	}

	private static List<Line> lines(List<Group> groups) {
		return groups.stream()
			.map(g -> new Line(g.label(), euros(g.before()), euros(g.after()), signed(g.difference()),
					rate(g.before(), g.difference())))
			.toList();
	}

	static Chart chart(String title, Map<String, BigDecimal> values, Function<BigDecimal, String> format) {
		BigDecimal max = values.values().stream().map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		boolean diverging = values.values().stream().anyMatch(v -> v.signum() < 0);
		int half = diverging ? BAR_AREA / 2 : BAR_AREA;
		int zero = LABEL_WIDTH + (diverging ? half : 0);
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
			BigDecimal value = entry.getValue();
			int length = max.signum() == 0 ? 0
					: value.abs().multiply(BigDecimal.valueOf(half)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			bars.add(new Bar(entry.getKey(), format.apply(value), y, value.signum() < 0 ? zero - length : zero, length,
					value.signum() < 0));
			y += BAR_HEIGHT;
		}
		return new Chart(title, bars, Math.max(y, BAR_HEIGHT), zero);
	}

	/** The class of a difference: decreases below zero, exactly zero, increases above. */
	private static int classOf(BigDecimal difference) {
		if (difference.signum() == 0) {
			return 4;
		}
		if (difference.signum() < 0) {
			BigDecimal loss = difference.negate();
			return loss.compareTo(BigDecimal.valueOf(10_000)) >= 0 ? 0
					: loss.compareTo(BigDecimal.valueOf(5_000)) >= 0 ? 1 : loss.compareTo(BigDecimal.valueOf(1_000)) >= 0 ? 2 : 3;
		}
		return difference.compareTo(BigDecimal.valueOf(1_000)) <= 0 ? 5
				: difference.compareTo(BigDecimal.valueOf(5_000)) <= 0 ? 6
						: difference.compareTo(BigDecimal.valueOf(10_000)) <= 0 ? 7 : 8;
	}

	private static String classLabel(int index) {
		return switch (index) {
			case 0 -> "baisse de plus de 10 000 €";
			case 1 -> "baisse de 5 000 à 10 000 €";
			case 2 -> "baisse de 1 000 à 5 000 €";
			case 3 -> "baisse de moins de 1 000 €";
			case 4 -> "inchangé";
			case 5 -> "hausse de moins de 1 000 €";
			case 6 -> "hausse de 1 000 à 5 000 €";
			case 7 -> "hausse de 5 000 à 10 000 €";
			default -> "hausse de plus de 10 000 €";
		};
	}

	private static String centres(BigDecimal count) {
		return FrenchFormat.integer(count.longValue()) + (count.longValue() > 1 ? " centres" : " centre");
	}

	static String euros(BigDecimal amount) {
		return FrenchFormat.euros(amount);
	}

	/** An amount with its sign: {@code +700,00 €}, {@code −2 450,00 €}, {@code 0,00 €}. */
	static String signed(BigDecimal amount) {
		return (amount.signum() > 0 ? "+" : "") + FrenchFormat.euros(amount);
	}

	/** The difference as a share of the amount before, or empty when there was nothing before. */
	static String rate(BigDecimal before, BigDecimal difference) {
		if (before.signum() == 0) {
			return "";
		}
		BigDecimal rate = difference.divide(before, 6, RoundingMode.HALF_UP);
		return (rate.signum() > 0 ? "+" : "") + FrenchFormat.percent(rate);
	}

}
