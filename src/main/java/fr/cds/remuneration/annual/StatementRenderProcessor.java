package fr.cds.remuneration.annual;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.StatementCsvWriter;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementPdfRenderer;
import fr.cds.remuneration.output.PeerBenchmarkView;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.peer.PeerFigures;
import fr.cds.remuneration.snapshot.StoredResultEncoding;

/**
 * Renders one centre's statement from its stored result and the balance of each of its payment streams: the CPU work of the
 * statements step (reading the explanation back, building the French view, the page, the CSV and
 * the PDF). It holds no state, so the step runs it on every core, each thread then writing the files
 * it rendered ({@link StatementFilesWriter#afterRendering}), while the step's reader keeps the order
 * and the restart position.
 */
public class StatementRenderProcessor implements ItemProcessor<StoredResultEncoding.Stored, RenderedStatement>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StatementRenderProcessor.class);

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** PDFs rendered by this step execution, and the rendering threads' time spent on them (the one summary line). */
	private final AtomicLong pdfs = new AtomicLong();

	private final AtomicLong pdfNanos = new AtomicLong();

	/** The rendering threads' CPU time on the PDFs: what the PDFs cost, whatever else runs on the machine. */
	private final AtomicLong pdfCpuNanos = new AtomicLong();

	private final StatementHtmlRenderer html;

	private final StatementPdfRenderer pdf;

	/** How the run settled each centre's streams, read at once: one query, not one per centre and stream. */
	private final Map<String, Map<PaymentStream, Settlement>> settlements;

	private final String dueNote;

	/** The run's peer benchmark, or {@code null}: then the statements have no benchmark block. */
	private final PeerBenchmark peers;

	/**
	 * @param pdf the PDF renderer, or {@code null} when no PDF is wanted
	 * @param settlements how the run settled each stream, by FINESS ({@link SettlementStore#byCentre})
	 * @param dueNote when the balances are due, in French (from the payment calendar)
	 */
	public StatementRenderProcessor(StatementHtmlRenderer html, StatementPdfRenderer pdf,
			Map<String, Map<PaymentStream, Settlement>> settlements, String dueNote) {
		this(html, pdf, settlements, dueNote, null);
	}

	/** @param peers the run's peer benchmark, computed over every centre before the first statement */
	public StatementRenderProcessor(StatementHtmlRenderer html, StatementPdfRenderer pdf,
			Map<String, Map<PaymentStream, Settlement>> settlements, String dueNote, PeerBenchmark peers) {
		this.peers = peers;
		this.html = html;
		this.pdf = pdf;
		this.settlements = settlements;
		this.dueNote = dueNote;
	}

	@Override
	public RenderedStatement process(StoredResultEncoding.Stored stored) {
		CentreResult result = stored.decode();
		String finess = new Finess(result.centre().finess()).value();
		Map<PaymentStream, Settlement> ofCentre = this.settlements.getOrDefault(finess, Map.of());
		Map<PaymentStream, Settlement> settled = new EnumMap<>(PaymentStream.class);
		for (PaymentStream stream : result.totalsByStream().keySet()) {
			Settlement settlement = ofCentre.get(stream);
			if (settlement == null) {
				throw new IllegalStateException("le centre " + finess + " n'a pas de solde " + stream + " : relancez la même commande");
			}
			settled.put(stream, settlement);
		}
		StatementView view = StatementView.of(result, settled, this.dueNote);
		String page = this.peers == null ? this.html.render(view)
				: this.html.render(view, PeerBenchmarkView.statement(this.peers.compare(PeerFigures.of(result))));
		return new RenderedStatement(finess, StatementCsvWriter.render(view), page.getBytes(StandardCharsets.UTF_8),
				this.pdf == null ? null : pdf(page));
	}

	private byte[] pdf(String page) {
		long started = System.nanoTime();
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		byte[] pdf = this.pdf.render(page);
		this.pdfCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBefore);
		this.pdfNanos.addAndGet(System.nanoTime() - started);
		this.pdfs.incrementAndGet();
		return pdf;
	}

	/** One French line for the PDF part of the step (the library itself logs nothing below a warning). */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		long count = this.pdfs.get();
		if (this.pdf != null) {
			log.info(pdfSummary(count, this.pdfCpuNanos.get(), this.pdfNanos.get()));
		}
		return stepExecution.getExitStatus();
	}

	/** E.g. "Relevés PDF : 3 000 écrits, 45,0 s de CPU (15,0 ms par relevé), 60,0 s de rendu cumulées sur les fils de calcul". */
	static String pdfSummary(long count, long cpuNanos, long wallNanos) {
		double cpu = cpuNanos / 1e9;
		return String.format(Locale.FRANCE,
				"Relevés PDF : %,d écrits, %.1f s de CPU (%.1f ms par relevé), %.1f s de rendu cumulées sur les fils de calcul",
				count, cpu, count == 0 ? 0.0 : cpu * 1000 / count, wallNanos / 1e9);
	}

}
