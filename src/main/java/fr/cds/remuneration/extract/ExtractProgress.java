package fr.cds.remuneration.extract;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the reading of the patient extract has gone, shared by the partitions that read it and
 * the reporter that shows it. Rows are published in batches so that the hot path pays one atomic
 * update per thousand rows, not one per row.
 */
public final class ExtractProgress {

	/** Rows a reader counts locally before publishing them. */
	static final int ROW_BATCH = 1024;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong rows = new AtomicLong();

	/** A progress nobody watches (simulation, tests). */
	public static ExtractProgress unwatched() {
		return new ExtractProgress();
	}

	public long bytes() {
		return this.bytes.get();
	}

	public long rows() {
		return this.rows.get();
	}

	public void reset() {
		this.bytes.set(0);
		this.rows.set(0);
	}

	void addBytes(long read) {
		this.bytes.addAndGet(read);
	}

	void addRows(long read) {
		this.rows.addAndGet(read);
	}

}
