package fr.cds.remuneration.annual;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Reads items and processes them on other threads ahead of the step, handing the processed items
 * out in the order read. A chunk-oriented step with a task executor processes a chunk's items on
 * every core and then writes them on its own thread while the cores wait; with this reader the next
 * items are processed while the step writes (the regularisation's writer, H2 storing results and
 * ledger entries, was about two thirds of its step).
 * <p>
 * The processor must be thread-safe, and whatever it writes must be written again whole, with the
 * same bytes, when the item is processed again: an item processed ahead and not yet handed out when
 * the step fails is simply processed again at the restart (the statements step's processor writes
 * each centre's files that way, {@code AtomicFiles}; the regularisation's writes nothing). The position saved with each
 * chunk is the count of items handed out, not of items read ahead: a restart skips exactly the items
 * of the committed chunks. The delegate's own state is not used (it must not save state).
 */
public class ProcessAheadReader<I, O> extends ItemStreamSupport implements ItemStreamReader<O> {

	private static final String DELIVERED = "delivered";

	private final ItemStreamReader<I> delegate;

	private final ItemProcessor<I, O> processor;

	private final AsyncTaskExecutor executor;

	private final int ahead;

	private final Deque<Future<O>> pending = new ArrayDeque<>();

	private boolean exhausted;

	/** Set at close: the items not yet being processed are then dropped without being processed. */
	private volatile boolean closing;

	private long delivered;

	/**
	 * @param ahead how many items are processed ahead at most: more than a chunk, so that the
	 * threads have the next chunk's items to work on while the step writes one
	 */
	public ProcessAheadReader(String name, ItemStreamReader<I> delegate, ItemProcessor<I, O> processor,
			AsyncTaskExecutor executor, int ahead) {
		if (ahead < 1) {
			throw new IllegalArgumentException("ahead must be at least 1: " + ahead);
		}
		setName(name);
		this.delegate = delegate;
		this.processor = processor;
		this.executor = executor;
		this.ahead = ahead;
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		this.delegate.open(new ExecutionContext());
		this.delivered = executionContext.getLong(getExecutionContextKey(DELIVERED), 0L);
		try {
			// a restart: the items of the committed chunks, in the delegate's stable order
			for (long i = 0; i < this.delivered; i++) {
				if (this.delegate.read() == null) {
					throw new ItemStreamException(
							"the restart finds fewer items (" + i + ") than the committed chunks handed out (" + this.delivered + ")");
				}
			}
		}
		catch (ItemStreamException e) {
			throw e;
		}
		catch (Exception e) {
			throw new ItemStreamException("skipping the items of the committed chunks", e);
		}
	}

	@Override
	public O read() throws Exception {
		while (true) {
			fill();
			Future<O> next = this.pending.poll();
			if (next == null) {
				return null;
			}
			O processed = result(next);
			// an item the processor filtered out counts as handed out too: nothing is to be redone for it
			this.delivered++;
			if (processed != null) {
				return processed;
			}
		}
	}

	private void fill() throws Exception {
		while (!this.exhausted && this.pending.size() < this.ahead) {
			I item = this.delegate.read();
			if (item == null) {
				this.exhausted = true;
			}
			else {
				this.pending.add(this.executor.submit(() -> this.closing ? null : this.processor.process(item)));
			}
		}
	}

	private static <O> O result(Future<O> future) throws Exception {
		try {
			return future.get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw e;
		}
	}

	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		executionContext.putLong(getExecutionContextKey(DELIVERED), this.delivered);
	}

	/**
	 * Items processed ahead and never handed out are dropped; those being processed are waited for
	 * (never interrupted: an interrupted thread inside H2 closes the database file), so that nothing
	 * of this step still runs when the next one starts.
	 */
	@Override
	public void close() throws ItemStreamException {
		this.closing = true;
		for (Future<O> future : this.pending) {
			try {
				future.get();
			}
			catch (ExecutionException e) {
				// dropped: it was never handed out
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.pending.clear();
		this.exhausted = false;
		this.closing = false;
		this.delegate.close();
	}

}
