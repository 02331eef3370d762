package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.ledger.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.StatementCsvWriter;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementPdfRenderer;
import fr.cds.remuneration.output.StatementView;

/**
 * Writes each centre's statement, {@code statements/<FINESS>.csv} and {@code .html}, and
 * {@code .pdf} when asked, with the balance the run recorded for each of its payment streams. The file name comes from the
 * validated FINESS of the result; each file holds that centre's data only.
 */
public class StatementFilesWriter implements ItemWriter<CentreResult> {

	private final Path directory;

	private final StatementHtmlRenderer html;

	private final StatementPdfRenderer pdf;

	private final SettlementStore settlements;

	private final long runId;

	private final String dueNote;

	/**
	 * @param pdf the PDF renderer, or {@code null} when no PDF is wanted
	 * @param dueNote when the balances are due, in French (from the payment calendar)
	 */
	public StatementFilesWriter(Path directory, StatementHtmlRenderer html, StatementPdfRenderer pdf,
			SettlementStore settlements, long runId, String dueNote) {
		this.directory = directory;
		this.html = html;
		this.pdf = pdf;
		this.settlements = settlements;
		this.runId = runId;
		this.dueNote = dueNote;
	}

	@Override
	public void write(Chunk<? extends CentreResult> chunk) {
		for (CentreResult result : chunk) {
			String finess = new Finess(result.centre().finess()).value();
			Map<PaymentStream, Settlement> settled = new EnumMap<>(PaymentStream.class);
			for (PaymentStream stream : result.totalsByStream().keySet()) {
				settled.put(stream, this.settlements.find(this.runId, finess, stream)
					.orElseThrow(() -> new IllegalStateException(
							"centre " + finess + " has no " + stream + " balance: restart the run")));
			}
			StatementView view = StatementView.of(result, settled, this.dueNote);
			StatementCsvWriter.write(this.directory.resolve(finess + ".csv"), view);
			this.html.write(this.directory.resolve(finess + ".html"), view);
			if (this.pdf != null) {
				this.pdf.write(this.directory.resolve(finess + ".pdf"), view);
			}
		}
	}

}
