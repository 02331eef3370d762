package fr.cds.remuneration.annual;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.output.StatementCsvWriter;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementPdfRenderer;
import fr.cds.remuneration.output.StatementView;

/**
 * Writes each centre's statement, {@code statements/<FINESS>.csv} and {@code .html}, and
 * {@code .pdf} when asked. The file name comes from the validated FINESS of the result; each file
 * holds that centre's data only.
 */
public class StatementFilesWriter implements ItemWriter<CentreResult> {

	private final Path directory;

	private final StatementHtmlRenderer html;

	private final StatementPdfRenderer pdf;

	/** @param pdf the PDF renderer, or {@code null} when no PDF is wanted */
	public StatementFilesWriter(Path directory, StatementHtmlRenderer html, StatementPdfRenderer pdf) {
		this.directory = directory;
		this.html = html;
		this.pdf = pdf;
	}

	@Override
	public void write(Chunk<? extends CentreResult> chunk) {
		for (CentreResult result : chunk) {
			StatementView view = StatementView.of(result);
			String finess = new Finess(view.finess()).value();
			StatementCsvWriter.write(this.directory.resolve(finess + ".csv"), view);
			this.html.write(this.directory.resolve(finess + ".html"), view);
			if (this.pdf != null) {
				this.pdf.write(this.directory.resolve(finess + ".pdf"), view);
			}
		}
	}

}
