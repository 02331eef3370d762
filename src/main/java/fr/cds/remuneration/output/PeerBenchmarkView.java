package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.peer.Measure;
import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.peer.PeerComparison;
import fr.cds.remuneration.peer.PeerGroup;

/**
 * The peer benchmark in French, as the model of {@code templates/peer-benchmark.html}: the block of
 * a statement (the centre against the centres of its type) and the tables of {@code summary.html}
 * (the quartiles by type and region). Every figure is already formatted.
 */
public final class PeerBenchmarkView {

	static final String WITHHELD = "non publié (valeur d'un seul centre)";

	static final String TOO_FEW = "non publié (moins de " + PeerGroup.MIN_CENTRES + " centres)";

	/** In the summary's tables: a group too small to publish, and a type with no centre having the ratio. */
	static final String SMALL = "—";

	static final String NONE = "sans objet";

	/** The summary's reading of its cells, in French. */
	public static final String SUMMARY_LEGEND = "« — » : moins de " + PeerGroup.MIN_CENTRES
			+ " centres, rien n'est publié (les relevés de la région comparent alors à la France entière) ; « sans objet » :"
			+ " aucun centre du type n'a ce ratio. Les régions sans aucun centre du type ayant ce ratio ne sont pas listées.";

	/** How the quartiles are computed and what is never published, in French. */
	public static final List<String> METHOD = List.of(
			"Quartiles calculés par interpolation linéaire entre les valeurs classées (méthode QUARTILE.INC d'un tableur) :"
					+ " un quart des centres comparés est sous le 1er quartile, la moitié sous la médiane, trois quarts sous le 3e quartile.",
			"Centres comparés : ceux du même type dans la même région, ou dans la France entière lorsque la région en compte moins de "
					+ PeerGroup.MIN_CENTRES + " ; les centres en attente ne sont pas comptés, ni, pour un ratio, les centres sans patient"
					+ " médecin traitant ou sans ETP de professionnel de santé.",
			"Pour qu'aucun chiffre ne révèle celui d'un autre centre : rien n'est publié sur moins de " + PeerGroup.MIN_CENTRES
					+ " centres, ni un quartile égal au chiffre d'un seul centre ; ni le minimum ni le maximum ne sont publiés.",
			"Rémunération forfaitaire : le total du relevé, après socle et prorata ; engagements optionnels : les indicateurs"
					+ " hors socle ouverts au centre et qui dépendent de sa déclaration.");

	/** A row of the statement's block. */
	public record Row(String measure, String centre, String q1, String median, String q3, String compared) {
	}

	/** A row of a summary table: a type in one region or nationally. */
	public record GroupRow(String type, String place, String centres, String excluded, String q1, String median,
			String q3) {
	}

	/** One table of the summary: one measure. */
	public record Table(String measure, List<GroupRow> rows) {
	}

	private PeerBenchmarkView() {
	}

	public static List<Row> statement(PeerComparison comparison) {
		List<Row> rows = new ArrayList<>();
		for (PeerComparison.Row row : comparison.rows()) {
			Measure measure = row.measure();
			String centre = row.value().map(v -> format(measure, v)).orElse(row.reason());
			List<String> q = quartiles(row.group());
			rows.add(new Row(measure.label(), centre, q.get(0), q.get(1), q.get(2), compared(row)));
		}
		return rows;
	}

	public static List<Table> summary(PeerBenchmark benchmark) {
		List<Table> tables = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			List<GroupRow> rows = new ArrayList<>();
			for (PeerGroup group : benchmark.groups()) {
				if (group.measure() != measure || (!group.national() && group.centres() == 0)) {
					continue;
				}
				List<String> q = group.centres() == 0 ? List.of(NONE, NONE, NONE)
						: group.publishable() ? quartiles(group) : List.of(SMALL, SMALL, SMALL);
				rows.add(new GroupRow(FrenchFormat.capitalized(group.typeLabel()),
						group.national() ? "France entière" : group.regionName(), FrenchFormat.integer(group.centres()),
						FrenchFormat.integer(group.excluded()), q.get(0), q.get(1), q.get(2)));
			}
			tables.add(new Table(measure.label(), rows));
		}
		return tables;
	}

	static String format(Measure measure, BigDecimal value) {
		return measure.isShare() ? FrenchFormat.decimal(value.movePointRight(2), measure.scale() - 2) + "\u00A0%"
				: FrenchFormat.euros(value);
	}

	private static List<String> quartiles(PeerGroup group) {
		if (group.quartiles().isEmpty()) {
			return List.of(TOO_FEW, TOO_FEW, TOO_FEW);
		}
		return group.quartiles().get().stream().map(s -> statistic(group.measure(), s.value())).toList();
	}

	private static String statistic(Measure measure, Optional<BigDecimal> value) {
		return value.map(v -> format(measure, v)).orElse(WITHHELD);
	}

	private static String compared(PeerComparison.Row row) {
		PeerGroup group = row.group();
		String centres = FrenchFormat.integer(group.centres()) + (group.centres() > 1 ? " centres" : " centre");
		String type = "type " + group.typeLabel();
		if (!group.national()) {
			return type + ", " + group.regionName() + " : " + centres;
		}
		int inRegion = row.regional() == null ? 0 : row.regional().centres();
		return type + ", France entière : " + centres + " (" + FrenchFormat.integer(inRegion) + " dans la région, moins de "
				+ PeerGroup.MIN_CENTRES + ")";
	}

}
