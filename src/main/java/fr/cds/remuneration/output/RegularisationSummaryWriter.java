package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes the {@code regional-summary.csv} of a re-processing: per region and centre type, the
 * centres recomputed, those regularised, the supplements and the recoveries (number and euros) and
 * the net amount; then a national total row.
 */
public final class RegularisationSummaryWriter {

	private RegularisationSummaryWriter() {
	}

	/** A recomputed centre and the amount its regularisation pays (negative: recovers). */
	public record Centre(String regionCode, String centreType, BigDecimal amountEuros) {
	}

	private static final class Group {

		long centres;

		long regularised;

		long supplements;

		BigDecimal supplementsTotal = BigDecimal.ZERO;

		long recoveries;

		BigDecimal recoveriesTotal = BigDecimal.ZERO;

		void add(Centre centre) {
			this.centres++;
			int sign = centre.amountEuros().signum();
			if (sign != 0) {
				this.regularised++;
			}
			if (sign > 0) {
				this.supplements++;
				this.supplementsTotal = this.supplementsTotal.add(centre.amountEuros());
			}
			else if (sign < 0) {
				this.recoveries++;
				this.recoveriesTotal = this.recoveriesTotal.add(centre.amountEuros());
			}
		}

		List<Object> cells(String code, String region, String type) {
			return CsvOutput.row(code, region, type, this.centres, this.regularised, this.supplements,
					FrenchFormat.cell(this.supplementsTotal, 2), this.recoveries, FrenchFormat.cell(this.recoveriesTotal, 2),
					FrenchFormat.cell(this.supplementsTotal.add(this.recoveriesTotal), 2));
		}

	}

	public static void write(Path target, List<Centre> centres, RegionTable regions) {
		Map<String, Group> groups = new TreeMap<>();
		Group national = new Group();
		for (Centre centre : centres) {
			groups.computeIfAbsent(centre.regionCode() + "|" + centre.centreType(), k -> new Group()).add(centre);
			national.add(centre);
		}
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("code_region", "region", "type_centre", "centres_recalcules",
					"centres_regularises", "complements", "complements_eur", "indus", "indus_eur", "net_eur"));
			for (Map.Entry<String, Group> entry : groups.entrySet()) {
				String[] key = entry.getKey().split("\\|");
				printer.printRecord(entry.getValue()
					.cells(key[0], regions.regionName(key[0]).orElse(key[0]),
							CentreType.fromCode(key[1]).map(CentreType::label).orElse(key[1])));
			}
			printer.printRecord(national.cells("TOTAL", "Total national", ""));
		});
	}

}
