package fr.cds.remuneration.annual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader that processes ahead of its step: same items in the same order as reading and
 * processing one by one, and a restart that goes on exactly after the items of the committed
 * chunks, whatever was processed ahead.
 */
class ProcessAheadReaderTest {

	private final ThreadPoolTaskExecutor executor = executor();

	@AfterEach
	void shutdown() {
		this.executor.shutdown();
	}

	@Test
	void handsOutEveryItemProcessedInTheOrderRead() throws Exception {
		List<Integer> items = IntStream.range(0, 1000).boxed().toList();
		ProcessAheadReader<Integer, String> reader = new ProcessAheadReader<>("test", new Items(items),
				i -> "item " + i, this.executor, 7);
		reader.open(new ExecutionContext());
		assertThat(readAll(reader)).isEqualTo(items.stream().map(i -> "item " + i).toList());
		reader.close();
	}

	@Test
	void itemsTheProcessorFiltersOutAreSkipped() throws Exception {
		ProcessAheadReader<Integer, Integer> reader = new ProcessAheadReader<>("test",
				new Items(IntStream.range(0, 50).boxed().toList()), i -> i % 3 == 0 ? null : i, this.executor, 4);
		reader.open(new ExecutionContext());
		assertThat(readAll(reader)).isEqualTo(IntStream.range(0, 50).filter(i -> i % 3 != 0).boxed().toList());
		reader.close();
	}

	/**
	 * Chunks of 10 committed (the position saved, as the step does before each commit) up to item
	 * 30, then 13 more handed out (and some more processed ahead, or dropped at close) before the failure: the restart
	 * hands out items 30 to 99, each once, and items 30 to 42 are processed again.
	 */
	@Test
	void aRestartGoesOnAfterTheCommittedChunksWhateverWasProcessedAhead() throws Exception {
		List<Integer> items = IntStream.range(0, 100).boxed().toList();
		List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
		ExecutionContext committed = new ExecutionContext();
		ProcessAheadReader<Integer, Integer> first = new ProcessAheadReader<>("test", new Items(items), i -> {
			processed.add(i);
			return i;
		}, this.executor, 20);
		first.open(committed);
		List<Integer> handedOut = new ArrayList<>();
		for (int chunk = 0; chunk < 3; chunk++) {
			for (int i = 0; i < 10; i++) {
				handedOut.add(first.read());
			}
			first.update(committed);
		}
		for (int i = 0; i < 13; i++) {
			first.read();
		}
		first.close();
		assertThat(processed).hasSizeGreaterThanOrEqualTo(43);

		ProcessAheadReader<Integer, Integer> restarted = new ProcessAheadReader<>("test", new Items(items), i -> i,
				this.executor, 20);
		restarted.open(committed);
		handedOut.addAll(readAll(restarted));
		restarted.close();
		assertThat(handedOut).isEqualTo(items);
	}

	@Test
	void aProcessorFailureFailsTheReadWithItsOwnException() throws Exception {
		ProcessAheadReader<Integer, Integer> reader = new ProcessAheadReader<>("test",
				new Items(IntStream.range(0, 20).boxed().toList()), i -> {
					if (i == 5) {
						throw new IllegalStateException("forced failure at 5");
					}
					return i;
				}, this.executor, 8);
		reader.open(new ExecutionContext());
		for (int i = 0; i < 5; i++) {
			assertThat(reader.read()).isEqualTo(i);
		}
		assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("forced failure at 5");
		reader.close();
	}

	@Test
	void aRestartThatFindsFewerItemsThanCommittedIsRefused() {
		ExecutionContext committed = new ExecutionContext();
		committed.putLong("test.delivered", 5);
		ProcessAheadReader<Integer, Integer> reader = new ProcessAheadReader<>("test", new Items(List.of(1, 2, 3)),
				i -> i, this.executor, 2);
		assertThatThrownBy(() -> reader.open(committed)).hasMessageContaining("fewer items");
	}

	/** Nothing of the step runs after it closed the reader: the item being processed is waited for. */
	@Test
	void closeWaitsForTheItemsBeingProcessedAndDropsTheOthers() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger calls = new AtomicInteger();
		ProcessAheadReader<Integer, Integer> reader = new ProcessAheadReader<>("test",
				new Items(IntStream.range(0, 100).boxed().toList()), i -> {
					calls.incrementAndGet();
					if (i == 1) {
						running.incrementAndGet();
						started.countDown();
						Thread.sleep(200);
						running.decrementAndGet();
					}
					return i;
				}, this.executor, 50);
		reader.open(new ExecutionContext());
		assertThat(reader.read()).isZero();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		reader.close();
		assertThat(running).hasValue(0);
		int afterClose = calls.get();
		Thread.sleep(50);
		assertThat(calls).hasValue(afterClose);
	}

	private static <T> List<T> readAll(ItemStreamReader<T> reader) throws Exception {
		List<T> all = new ArrayList<>();
		for (T item = reader.read(); item != null; item = reader.read()) {
			all.add(item);
		}
		return all;
	}

	private static ThreadPoolTaskExecutor executor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.initialize();
		return executor;
	}

	/** A delegate in a stable order, read from its start at each open. */
	private static final class Items implements ItemStreamReader<Integer> {

		private final List<Integer> items;

		private int next;

		Items(List<Integer> items) {
			this.items = items;
		}

		@Override
		public void open(ExecutionContext executionContext) {
			this.next = 0;
		}

		@Override
		public Integer read() {
			return this.next < this.items.size() ? this.items.get(this.next++) : null;
		}

	}

}
