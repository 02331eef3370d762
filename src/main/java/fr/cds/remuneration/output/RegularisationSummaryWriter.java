package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * Writes the {@code regional-summary.csv} of a re-processing: per region and centre type, the
 * centres recomputed, those regularised, the supplements and the recoveries (number of
 * regularisations, one per centre and payment stream, and euros), the net amount of each payment
 * stream and the net amount; then a national total row.
 */
public final class RegularisationSummaryWriter {

	private RegularisationSummaryWriter() {
	}

	/** A recomputed centre and the amount its regularisation of each stream pays (negative: recovers). */
	public record Centre(String regionCode, String centreType, Map<PaymentStream, BigDecimal> amounts) {
	}

	private static final class Group {

		long centres;

		long regularised;

		long supplements;

		BigDecimal supplementsTotal = BigDecimal.ZERO;

		long recoveries;

		BigDecimal recoveriesTotal = BigDecimal.ZERO;

		final Map<PaymentStream, BigDecimal> net = new EnumMap<>(PaymentStream.class);

		void add(Centre centre) {
			this.centres++;
			if (centre.amounts().values().stream().anyMatch(a -> a.signum() != 0)) {
				this.regularised++;
			}
			centre.amounts().forEach((stream, amount) -> {
				this.net.merge(stream, amount, BigDecimal::add);
				if (amount.signum() > 0) {
					this.supplements++;
					this.supplementsTotal = this.supplementsTotal.add(amount);
				}
				else if (amount.signum() < 0) {
					this.recoveries++;
					this.recoveriesTotal = this.recoveriesTotal.add(amount);
				}
			});
		}

		List<Object> cells(String code, String region, String type) {
			List<Object> cells = new ArrayList<>(List.of(code, region, type, this.centres, this.regularised,
					this.supplements, FrenchFormat.cell(this.supplementsTotal, 2), this.recoveries,
					FrenchFormat.cell(this.recoveriesTotal, 2)));
			for (PaymentStream stream : PaymentStream.values()) {
				cells.add(FrenchFormat.cell(this.net.getOrDefault(stream, BigDecimal.ZERO), 2));
			}
			cells.add(FrenchFormat.cell(this.supplementsTotal.add(this.recoveriesTotal), 2));
			return CsvOutput.row(cells.toArray());
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
			List<Object> header = new ArrayList<>(List.of("code_region", "region", "type_centre", "centres_recalcules",
					"centres_regularises", "complements", "complements_eur", "indus", "indus_eur"));
			for (PaymentStream stream : PaymentStream.values()) {
				header.add("net_" + stream.name().toLowerCase(Locale.ROOT) + "_eur");
			}
			header.add("net_eur");
			printer.printRecord(CsvOutput.row(header.toArray()));
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
