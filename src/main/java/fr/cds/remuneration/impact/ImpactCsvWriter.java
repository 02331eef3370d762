package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.impact.ImpactReport.DraftReport;
import fr.cds.remuneration.impact.ImpactReport.Group;
import fr.cds.remuneration.output.CsvOutput;

/**
 * Writes the CSV files of an impact ({@code ;}, UTF-8 with BOM, decimal comma, like the other
 * operations outputs): {@code totals.csv}, {@code distribution.csv} and {@code centres.csv}.
 */
final class ImpactCsvWriter {

	static final String TOTALS = "totals.csv";

	static final String DISTRIBUTION = "distribution.csv";

	static final String CENTRES = "centres.csv";

	private ImpactCsvWriter() {
	}

	static void write(Path directory, ImpactReport report) {
		writeTotals(directory.resolve(TOTALS), report);
		writeDistribution(directory.resolve(DISTRIBUTION), report);
		writeCentres(directory.resolve(CENTRES), report);
	}

	/** One row per draft and group: national, then each payment stream, each region, each type. */
	private static void writeTotals(Path target, ImpactReport report) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("projet", "regles_base", "regles_projet", "niveau", "code", "libelle",
					"centres", "avant_eur", "apres_eur", "ecart_eur"));
			for (DraftReport draft : report.drafts()) {
				List<Object> prefix = List.of(draft.draft().name(), report.baseReference(), draft.draft().reference());
				printer.printRecord(group(prefix, "NATIONAL", draft.national()));
				for (Group group : draft.byStream()) {
					printer.printRecord(group(prefix, "FLUX", group));
				}
				for (Group group : draft.byRegion()) {
					printer.printRecord(group(prefix, "REGION", group));
				}
				for (Group group : draft.byType()) {
					printer.printRecord(group(prefix, "TYPE", group));
				}
			}
		});
	}

	private static List<Object> group(List<Object> prefix, String level, Group group) {
		List<Object> cells = new ArrayList<>(prefix);
		cells.addAll(List.of(level, group.code(), group.label(), group.centres(), cell(group.before()),
				cell(group.after()), cell(group.difference())));
		return CsvOutput.row(cells.toArray());
	}

	private static void writeDistribution(Path target, ImpactReport report) {
		CsvOutput.write(target, true, printer -> {
			List<Object> header = new ArrayList<>(List.of("projet", "regles_projet", "centres", "centres_en_hausse",
					"centres_en_baisse", "centres_inchanges", "hausses_eur", "baisses_eur", "ecart_min_eur"));
			for (int k = 1; k <= 9; k++) {
				header.add("decile_" + k + "_eur");
			}
			header.addAll(List.of("ecart_max_eur", "centres_changeant_de_verdict_socle"));
			printer.printRecord(CsvOutput.row(header.toArray()));
			for (DraftReport draft : report.drafts()) {
				ImpactReport.Distribution d = draft.distribution();
				List<Object> cells = new ArrayList<>(List.of(draft.draft().name(), draft.draft().reference(), d.centres(),
						d.gains(), d.losses(), d.unchanged(), cell(d.gained()), cell(d.lost()), cell(d.min())));
				d.deciles().forEach(decile -> cells.add(cell(decile)));
				cells.addAll(List.of(cell(d.max()), draft.socleChanges().size()));
				printer.printRecord(CsvOutput.row(cells.toArray()));
			}
		});
	}

	private static void writeCentres(Path target, ImpactReport report) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row(ImpactTable.header().toArray()));
			for (DraftReport draft : report.drafts()) {
				for (CentreImpact centre : draft.centres()) {
					List<Object> cells = new ArrayList<>(ImpactTable.identity(draft.draft(), centre));
					ImpactTable.amounts(centre).forEach(amount -> cells.add(cell(amount)));
					cells.addAll(ImpactTable.verdicts(centre));
					printer.printRecord(CsvOutput.row(cells.toArray()));
				}
			}
		});
	}

	private static String cell(BigDecimal amount) {
		return FrenchFormat.cell(amount, 2);
	}

}
