package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code regional-summary.csv}: per region and centre type, the number of centres, of
 * centres paid and of centres failing the socle, the total and the average per centre paid; then
 * a national total row. Every row names the rule set and the latest text applied, so that a
 * summary read on its own says under which rules it was computed.
 */
public final class RegionalSummaryWriter {

	private RegionalSummaryWriter() {
	}

	private static final class Group {

		long centres;

		long paid;

		long socleFailed;

		BigDecimal total = BigDecimal.ZERO;

		void add(ResultSummary result) {
			this.centres++;
			if (result.totalEuros().signum() > 0) {
				this.paid++;
			}
			if (!result.socleMet()) {
				this.socleFailed++;
			}
			this.total = this.total.add(result.totalEuros());
		}

		BigDecimal average() {
			return this.paid == 0 ? BigDecimal.ZERO
					: this.total.divide(BigDecimal.valueOf(this.paid), 2, RoundingMode.HALF_UP);
		}

	}

	/** @param latestText label of the latest text governing the exercice ({@link LatestTextLabel}) */
	public static void write(Path target, List<ResultSummary> results, RegionTable regions, String ruleSet,
			String latestText) {
		Map<String, Group> groups = new TreeMap<>();
		Group national = new Group();
		for (ResultSummary result : results) {
			groups.computeIfAbsent(result.regionCode() + "|" + result.centreType(), k -> new Group()).add(result);
			national.add(result);
		}
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("code_region", "region", "type_centre", "centres", "centres_payes",
					"centres_socle_non_atteint", "total_eur", "moyenne_eur_par_centre_paye", "jeu_de_regles",
					"dernier_texte"));
			for (Map.Entry<String, Group> entry : groups.entrySet()) {
				String[] key = entry.getKey().split("\\|");
				Group group = entry.getValue();
				printer.printRecord(CsvOutput.row(key[0], regions.regionName(key[0]).orElse(key[0]),
						CentreType.fromCode(key[1]).map(CentreType::label).orElse(key[1]), group.centres, group.paid,
						group.socleFailed, FrenchFormat.cell(group.total, 2), FrenchFormat.cell(group.average(), 2),
						ruleSet, latestText));
			}
			printer.printRecord(CsvOutput.row("TOTAL", "Total national", "", national.centres, national.paid,
					national.socleFailed, FrenchFormat.cell(national.total, 2), FrenchFormat.cell(national.average(), 2),
					ruleSet, latestText));
		});
	}

}
