package fr.cds.remuneration.reprocess;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.annual.RenderedStatement;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.RegularisationCsvWriter;
import fr.cds.remuneration.output.RegularisationView;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.reprocess.ReprocessStore.RegularisedResults;
import fr.cds.remuneration.rules.model.RuleSet;

/**
 * Renders the regularisation statement ({@code <FINESS>.csv} and {@code .html}) of each centre
 * whose amount of any payment stream changed, from what the run stored: the new result, the
 * previous one (both in one query a statement), the settlement of each stream. It only reads what
 * earlier steps committed and holds no state, so the step runs it on every core (as the annual
 * statements) while its own thread keeps
 * the order and writes the files ({@code StatementFilesWriter}). Rendering a statement again after
 * a restart gives the same bytes.
 */
public class RegularisationStatementRenderer implements ItemProcessor<String, RenderedStatement> {

	private final long runId;

	private final RuleSet ruleSet;

	private final ReprocessStore reprocessStore;

	private final SettlementStore settlements;

	private final PaymentLedger ledger;

	private final StatementHtmlRenderer html;

	private Map<String, LocalDate> computedOn;

	public RegularisationStatementRenderer(long runId, RuleSet ruleSet, ReprocessStore reprocessStore,
			SettlementStore settlements, PaymentLedger ledger, StatementHtmlRenderer html) {
		this.runId = runId;
		this.ruleSet = ruleSet;
		this.reprocessStore = reprocessStore;
		this.settlements = settlements;
		this.ledger = ledger;
		this.html = html;
	}

	@Override
	public RenderedStatement process(String item) {
		String finess = new Finess(item).value();
		Map<PaymentStream, Settlement> settled = this.settlements.ofCentre(this.runId, finess);
		// the centre gets a statement because one of its streams changed: the date is that of its entry
		String reference = settled.values().stream().filter(Settlement::isPayment).findFirst().orElseThrow().reference();
		RegularisedResults results = this.reprocessStore.regularisedResults(this.runId, finess).orElseThrow();
		CentreResult current = results.current();
		Optional<CentreResult> previous = results.previous();
		boolean corrected = results.inputRunId() == this.runId;
		// recorded by this run (the read of its entries); any other, read by itself as before
		LocalDate computedOn = Optional.ofNullable(computedOn().get(reference))
			.orElseGet(() -> this.ledger.entry(reference).orElseThrow().computedOn());
		RegularisationView.Context context = new RegularisationView.Context(this.runId, computedOn,
				ReprocessReason.of(previous, current, corrected));
		RegularisationView view = RegularisationView.of(previous, current, settled, context, this.ruleSet::text);
		return new RenderedStatement(finess, RegularisationCsvWriter.render(view),
				this.html.render(view).getBytes(StandardCharsets.UTF_8), null);
	}

	/** The date each of the run's ledger entries was computed on, by reference, read at the first statement. */
	private synchronized Map<String, LocalDate> computedOn() {
		if (this.computedOn == null) {
			this.computedOn = this.ledger.entriesOfRun(this.runId)
				.stream()
				.collect(Collectors.toMap(LedgerEntry::reference, LedgerEntry::computedOn));
		}
		return this.computedOn;
	}

}
