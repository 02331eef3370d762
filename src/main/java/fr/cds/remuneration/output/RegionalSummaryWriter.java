package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.snapshot.ResultSummary;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * Writes {@code regional-summary.csv}: per region and centre type, the number of centres, of
 * centres paid the forfait and of centres failing its socle, the forfait's total and average per
 * centre paid, a column per other payment stream and the total of all of them; then a national
 * total row. Every row names the latest text governing the exercice, so that a row copied
 * elsewhere still says under which avenant it was computed.
 */
public final class RegionalSummaryWriter {

	/** One column each, after the forfait's. */
	private static final List<PaymentStream> OTHER_STREAMS = PaymentStream.others();

	private RegionalSummaryWriter() {
	}

	public static void write(Path target, List<ResultSummary> results, RegionTable regions, LatestText latestText) {
		Map<String, List<ResultSummary>> groups = new TreeMap<>();
		for (ResultSummary result : results) {
			groups.computeIfAbsent(result.regionCode() + "|" + result.centreType(), k -> new ArrayList<>()).add(result);
		}
		CentreTotals national = CentreTotals.of(results);
		CsvOutput.write(target, true, printer -> {
			List<Object> header = new ArrayList<>(List.of("code_region", "region", "type_centre", "centres",
					"centres_payes", "centres_socle_non_atteint", "forfait_eur", "moyenne_forfait_eur_par_centre_paye"));
			OTHER_STREAMS.forEach(stream -> header.add(stream.name().toLowerCase(Locale.ROOT) + "_eur"));
			header.addAll(List.of("total_eur", "dernier_texte"));
			printer.printRecord(CsvOutput.row(header.toArray()));
			for (Map.Entry<String, List<ResultSummary>> entry : groups.entrySet()) {
				String[] key = entry.getKey().split("\\|");
				printer.printRecord(row(key[0], regions.regionName(key[0]).orElse(key[0]),
						CentreType.fromCode(key[1]).map(CentreType::label).orElse(key[1]), CentreTotals.of(entry.getValue()),
						latestText));
			}
			printer.printRecord(row("TOTAL", "Total national", "", national, latestText));
		});
	}

	private static List<Object> row(String code, String region, String type, CentreTotals totals,
			LatestText latestText) {
		List<Object> cells = new ArrayList<>(List.of(code, region, type, totals.centres(), totals.paid(),
				totals.socleFailed(), FrenchFormat.cell(totals.total(), 2),
				FrenchFormat.cell(totals.averagePerCentrePaid(), 2)));
		OTHER_STREAMS.forEach(stream -> cells.add(FrenchFormat.cell(totals.byStream().get(stream), 2)));
		cells.addAll(List.of(FrenchFormat.cell(totals.grandTotal(), 2), latestText.label()));
		return CsvOutput.row(cells.toArray());
	}

}
