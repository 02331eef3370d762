package fr.cds.remuneration.input;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The record boundaries an {@link InputFileScan} finds near the offsets it is asked to split the
 * file at, and the SHA-256 of the bytes between consecutive ones: each partition of the extract
 * hashes its own range as it reads it and compares. The scan tells it each line start outside
 * quotes; the bytes of the range are hashed a buffer at a time, never byte by byte.
 */
final class RecordBoundaries {

	/** Offsets near which a boundary is wanted, and the next one to serve. */
	private final long[] targets;

	private int nextTarget;

	private final long[] found;

	private int foundCount;

	private final long expectedSize;

	/** {@code null} when the file is not split: its one range is the file, hashed by the scan. */
	private final MessageDigest rangeDigest;

	private final List<String> rangeSha256 = new ArrayList<>();

	/** The buffer being scanned, its file offset, and the index from which the range digest has not had it. */
	private byte[] buffer;

	private long bufferOffset;

	private int rangeFrom;

	RecordBoundaries(long[] targets, long expectedSize) {
		this.targets = targets;
		this.found = new long[targets.length];
		this.expectedSize = expectedSize;
		this.rangeDigest = targets.length > 0 ? InputFileScan.sha256Digest() : null;
	}

	/** Whether a record starting at {@code lineStart} should end the current range. */
	boolean wanted(long lineStart) {
		return this.nextTarget < this.targets.length && lineStart >= this.targets[this.nextTarget];
	}

	/** The scan starts on the buffer holding the file's bytes from {@code offset}. */
	void startBuffer(byte[] buffer, long offset) {
		this.buffer = buffer;
		this.bufferOffset = offset;
		this.rangeFrom = 0;
	}

	/** The scan is done with the first {@code length} bytes of the buffer. */
	void endBuffer(int length) {
		if (this.rangeDigest != null) {
			this.rangeDigest.update(this.buffer, this.rangeFrom, length - this.rangeFrom);
		}
	}

	/** A record starts at {@code lineStart}, inside the buffer being scanned, outside quotes. */
	void record(long lineStart) {
		if (lineStart < this.expectedSize) {
			this.found[this.foundCount++] = lineStart;
			// the range ends at this line start, inside the buffer being scanned
			int end = (int) (lineStart - this.bufferOffset);
			this.rangeDigest.update(this.buffer, this.rangeFrom, end - this.rangeFrom);
			this.rangeSha256.add(HexFormat.of().formatHex(this.rangeDigest.digest()));
			this.rangeFrom = end;
		}
		// this line start serves every wanted offset up to it (close offsets in a short file)
		while (this.nextTarget < this.targets.length && this.targets[this.nextTarget] <= lineStart) {
			this.nextTarget++;
		}
	}

	/** The end of the file ends the last range. */
	void finish() {
		if (this.rangeDigest != null) {
			this.rangeSha256.add(HexFormat.of().formatHex(this.rangeDigest.digest()));
		}
	}

	long[] boundaries() {
		return Arrays.copyOf(this.found, this.foundCount);
	}

	/** The SHA-256 of each range; for a file not split, {@code fileSha256}. */
	List<String> rangeSha256(String fileSha256) {
		return this.rangeDigest == null ? List.of(fileSha256) : List.copyOf(this.rangeSha256);
	}

}
