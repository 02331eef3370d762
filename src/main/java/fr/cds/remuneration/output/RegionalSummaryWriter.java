package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code regional-summary.csv}: per region and centre type, the number of centres, of
 * centres paid and of centres failing the socle, the total and the average per centre paid; then
 * a national total row. Every row names the latest text governing the exercice, so that a row
 * copied elsewhere still says under which avenant it was computed.
 */
public final class RegionalSummaryWriter {

	private RegionalSummaryWriter() {
	}

	public static void write(Path target, List<ResultSummary> results, RegionTable regions, LatestText latestText) {
		Map<String, List<ResultSummary>> groups = new TreeMap<>();
		for (ResultSummary result : results) {
			groups.computeIfAbsent(result.regionCode() + "|" + result.centreType(), k -> new ArrayList<>()).add(result);
		}
		CentreTotals national = CentreTotals.of(results);
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("code_region", "region", "type_centre", "centres", "centres_payes",
					"centres_socle_non_atteint", "total_eur", "moyenne_eur_par_centre_paye", "dernier_texte"));
			for (Map.Entry<String, List<ResultSummary>> entry : groups.entrySet()) {
				String[] key = entry.getKey().split("\\|");
				CentreTotals group = CentreTotals.of(entry.getValue());
				printer.printRecord(CsvOutput.row(key[0], regions.regionName(key[0]).orElse(key[0]),
						CentreType.fromCode(key[1]).map(CentreType::label).orElse(key[1]), group.centres(), group.paid(),
						group.socleFailed(), FrenchFormat.cell(group.total(), 2),
						FrenchFormat.cell(group.averagePerCentrePaid(), 2), latestText.label()));
			}
			printer.printRecord(CsvOutput.row("TOTAL", "Total national", "", national.centres(), national.paid(),
					national.socleFailed(), FrenchFormat.cell(national.total(), 2),
					FrenchFormat.cell(national.averagePerCentrePaid(), 2), latestText.label()));
		});
	}

}
