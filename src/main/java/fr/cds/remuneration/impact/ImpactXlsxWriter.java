package fr.cds.remuneration.impact;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import fr.cds.remuneration.impact.ImpactReport.DraftReport;
import fr.cds.remuneration.impact.ImpactReport.Group;
import fr.cds.remuneration.impact.StreamingXlsx.Style;
import fr.cds.remuneration.output.AtomicFiles;

/**
 * Writes {@code centres.xlsx}: the per-centre table of {@code centres.csv} (sheet « Centres ») and
 * the totals of {@code totals.csv} (sheet « Totaux »). Text cells are typed as text, with the text
 * format, so that a FINESS such as {@code 010000016} keeps its leading zero; amounts are numbers.
 * Streamed row by row into the zip ({@link StreamingXlsx}).
 */
final class ImpactXlsxWriter {

	static final String FILE = "centres.xlsx";

	private ImpactXlsxWriter() {
	}

	static void write(Path directory, ImpactReport report) {
		AtomicFiles.write(directory.resolve(FILE), out -> {
			StreamingXlsx xlsx = new StreamingXlsx(out, List.of("Centres", "Totaux"));
			writeCentres(xlsx, report);
			writeTotals(xlsx, report);
			xlsx.finish();
		});
	}

	private static void writeCentres(StreamingXlsx xlsx, ImpactReport report) throws IOException {
		xlsx.startSheet(4, 1);
		header(xlsx, ImpactTable.header());
		for (DraftReport draft : report.drafts()) {
			for (CentreImpact centre : draft.centres()) {
				xlsx.startRow();
				for (String text : ImpactTable.identity(draft.draft(), centre)) {
					xlsx.text(text, Style.TEXT);
				}
				for (BigDecimal amount : ImpactTable.amounts(centre)) {
					xlsx.number(amount, Style.EUROS);
				}
				for (String text : ImpactTable.verdicts(centre)) {
					xlsx.text(text, Style.TEXT);
				}
				xlsx.endRow();
			}
		}
		xlsx.endSheet();
	}

	private static void writeTotals(StreamingXlsx xlsx, ImpactReport report) throws IOException {
		xlsx.startSheet(0, 0);
		header(xlsx, List.of("projet", "regles_base", "regles_projet", "niveau", "code", "libelle", "centres",
				"avant_eur", "apres_eur", "ecart_eur"));
		for (DraftReport draft : report.drafts()) {
			group(xlsx, report, draft, "NATIONAL", List.of(draft.national()));
			group(xlsx, report, draft, "FLUX", draft.byStream());
			group(xlsx, report, draft, "REGION", draft.byRegion());
			group(xlsx, report, draft, "TYPE", draft.byType());
		}
		xlsx.endSheet();
	}

	private static void group(StreamingXlsx xlsx, ImpactReport report, DraftReport draft, String level,
			List<Group> groups) throws IOException {
		for (Group group : groups) {
			xlsx.startRow();
			for (String text : List.of(draft.draft().name(), report.baseReference(), draft.draft().reference(), level,
					group.code(), group.label())) {
				xlsx.text(text, Style.TEXT);
			}
			xlsx.number(group.centres(), Style.GENERAL);
			xlsx.number(group.before(), Style.EUROS);
			xlsx.number(group.after(), Style.EUROS);
			xlsx.number(group.difference(), Style.EUROS);
			xlsx.endRow();
		}
	}

	private static void header(StreamingXlsx xlsx, List<String> names) throws IOException {
		xlsx.startRow();
		for (String name : names) {
			xlsx.text(name, Style.HEADER);
		}
		xlsx.endRow();
	}

}
