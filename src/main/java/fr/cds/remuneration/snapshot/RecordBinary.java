package fr.cds.remuneration.snapshot;

/**
 * A self-describing binary form of a tree of records (a centre's result, issue 21): what
 * {@link StoredResultEncoding} stores in {@code CENTRE_RESULT.RESULT_BIN}. Writing and reading it
 * cost a small fraction of the JSON's (docs/scale.md), and it is about as small as the deflated JSON.
 *
 * <p>
 * Layout: the four bytes {@code C R B 1} (the last one the version of this layout), one value, then
 * the CRC-32C of everything before it (4 bytes, big-endian), so that a damaged value is refused, not
 * read as another result. A value is a tag byte and what the tag says:
 * <ul>
 * <li>{@link #NULL}, {@link #FALSE}, {@link #TRUE}: nothing more;</li>
 * <li>{@link #INT} (int, long and their boxes): the number, zigzag varint;</li>
 * <li>{@link #STRING}: its UTF-8 length (varint) and bytes, or {@link #STRING_LATIN1}: a string
 * whose characters are all Latin-1, one byte each (count, bytes); the blob's strings are numbered in
 * the order they first appear, and {@link #STRING_REF} (the number, varint) stands for a string already
 * written (labels, explanation texts and names come back often in a result); a string with a lone
 * surrogate (half of a pair, which UTF-8 has no form for) is {@link #STRING_UTF16}: its byte count
 * and its UTF-16 code units, big-endian, so that every string reads back exactly;</li>
 * <li>{@link #DECIMAL}: scale (zigzag varint) and unscaled value (zigzag varint), every BigDecimal
 * whose unscaled value fits in a long; {@link #BIG_DECIMAL}: scale, then the unscaled value's
 * two's-complement bytes (varint count, bytes). The scale is always kept;</li>
 * <li>{@link #DATE}: the epoch day, zigzag varint;</li>
 * <li>{@link #ENUM}: the constant's name, as a string value (not its ordinal: constants may be
 * added or reordered);</li>
 * <li>{@link #LIST}: the count (varint), then each element; {@link #MAP}: the count, then each key
 * and its value, keys in their natural order (as {@link SnapshotJson} orders them);</li>
 * <li>{@link #RECORD_DEF}: the first record of a type in the blob: a new shape, numbered in order of
 * appearance, written as the record's simple name and the names of its components (string values,
 * count first), then the record itself as after {@link #RECORD}; {@link #RECORD}: the shape's
 * number (varint), then one value per component of that shape, in its order.</li>
 * </ul>
 * Reading is led by the types of the code that reads: each stored component is matched to the
 * record's component of the same name; a component the blob has and the record no longer has is
 * skipped, one the record has gained and the blob lacks gets {@code null}, as with the JSON. So results
 * stored years ago stay readable when a record gains a field of a reference type, loses one, or has its
 * components reordered; renaming a component is the one change that needs care (as with the JSON). A
 * primitive component the blob lacks (or stores as {@code null}) is refused, as the JSON route refuses
 * it: 0 or {@code false} would be a count or a verdict the centre never had.
 */
public final class RecordBinary {

	static final byte[] MAGIC = { 'C', 'R', 'B', 1 };

	static final int NULL = 0;

	static final int FALSE = 1;

	static final int TRUE = 2;

	static final int INT = 3;

	static final int STRING = 4;

	static final int STRING_REF = 5;

	static final int DECIMAL = 6;

	static final int BIG_DECIMAL = 7;

	static final int DATE = 8;

	static final int ENUM = 9;

	static final int LIST = 10;

	static final int MAP = 11;

	static final int RECORD_DEF = 12;

	static final int RECORD = 13;

	static final int STRING_LATIN1 = 14;

	/**
	 * A string with a surrogate that is not half of a pair, which UTF-8 cannot carry: its UTF-16
	 * code units (byte count, then two bytes each, big-endian). Added after the form's first blobs,
	 * none of which has it: the version stays 1.
	 */
	static final int STRING_UTF16 = 15;

	/** One writer per thread: its buffer and tables are reused from one result to the next. */
	private static final ThreadLocal<RecordBinaryWriter> WRITER = ThreadLocal.withInitial(RecordBinaryWriter::new);

	private RecordBinary() {
	}

	/** The binary form of {@code value} (a record, or any value this form has a tag for). */
	public static byte[] write(Object value) {
		return WRITER.get().write(value);
	}

	/**
	 * The value of {@code type} a blob written by {@link #write} holds.
	 *
	 * @throws IllegalStateException if the blob is damaged, cut short, or holds something else
	 */
	public static <T> T read(byte[] blob, Class<T> type) {
		return type.cast(new RecordBinaryReader(blob).readWhole(type));
	}

	/** Whether {@code blob} starts as a value of this form. */
	public static boolean isBinary(byte[] blob) {
		return blob.length >= MAGIC.length && blob[0] == MAGIC[0] && blob[1] == MAGIC[1] && blob[2] == MAGIC[2];
	}

}
