package fr.cds.remuneration.extract;

import java.nio.ByteBuffer;

/**
 * One accepted row as spilled to disk for the duplicate search: 24 bytes, no identifier. A
 * mutable cursor: readers fill the same instance row after row.
 */
final class SpilledRow {

	static final int BYTES = 24;

	long idHash;

	long line;

	int centre;

	int scheme;

	int partition;

	int contribution;


	static void write(ByteBuffer out, long idHash, long line, int centre, int scheme, int partition,
			int contribution) {
		out.putLong(idHash).putLong(line).putInt(centre).putShort((short) scheme).put((byte) partition)
			.put((byte) contribution);
	}

	/** Reads the row at {@code position} of {@code in} (absolute: the buffer's position is unchanged). */
	SpilledRow read(ByteBuffer in, int position) {
		this.idHash = in.getLong(position);
		this.line = in.getLong(position + 8);
		this.centre = in.getInt(position + 16);
		this.scheme = Short.toUnsignedInt(in.getShort(position + 20));
		this.partition = Byte.toUnsignedInt(in.get(position + 22));
		this.contribution = Byte.toUnsignedInt(in.get(position + 23));
		return this;
	}

}
