package fr.cds.remuneration.extract;

import java.nio.ByteBuffer;

/**
 * One accepted row as spilled to disk for the duplicate search: 26 bytes, no identifier — the
 * fingerprint (8), the line (8), the partition and the centre's number in one int (8 + 24 bits),
 * the scheme's number (2) and the contribution (4: it outgrew two bytes with the populations of
 * the règlement arbitral). A mutable cursor: readers fill the same
 * instance row after row.
 */
final class SpilledRow {

	static final int BYTES = 26;

	/** Centres a spill can number: 2²⁴, thousands of times the centres of a national run. */
	static final int MAX_CENTRES = 1 << 24;

	long idHash;

	long line;

	int centre;

	int scheme;

	int partition;

	int contribution;


	static void write(ByteBuffer out, long idHash, long line, int centre, int scheme, int partition,
			int contribution) {
		out.putLong(idHash).putLong(line).putInt((partition << 24) | centre).putShort((short) scheme)
			.putInt(contribution);
	}

	/** The centre's number of the row at {@code position}, read alone. */
	static int centre(ByteBuffer in, int position) {
		return in.getInt(position + 16) & (MAX_CENTRES - 1);
	}

	/** Reads the row at {@code position} of {@code in} (absolute: the buffer's position is unchanged). */
	SpilledRow read(ByteBuffer in, int position) {
		this.idHash = in.getLong(position);
		this.line = in.getLong(position + 8);
		int partitionAndCentre = in.getInt(position + 16);
		this.partition = partitionAndCentre >>> 24;
		this.centre = partitionAndCentre & (MAX_CENTRES - 1);
		this.scheme = Short.toUnsignedInt(in.getShort(position + 20));
		this.contribution = in.getInt(position + 22);
		return this;
	}

}
