package fr.cds.remuneration.snapshot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Writes the form {@link RecordBinary} describes. Not thread-safe: one per thread, reused (its
 * buffer grows to the largest result once, its tables are emptied between results).
 */
final class RecordBinaryWriter {

	/** The components of a record type, read through their accessors. */
	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
		@Override
		protected Shape computeValue(Class<?> type) {
			return new Shape(type);
		}
	};

	private byte[] buffer = new byte[16 * 1024];

	private int position;

	private final Map<String, Integer> strings = new HashMap<>();

	private final Map<Class<?>, Integer> shapes = new IdentityHashMap<>();

	byte[] write(Object value) {
		this.position = 0;
		this.strings.clear();
		this.shapes.clear();
		bytes(RecordBinary.MAGIC, 0, RecordBinary.MAGIC.length);
		value(value);
		CRC32C crc = new CRC32C();
		crc.update(this.buffer, 0, this.position);
		int sum = (int) crc.getValue();
		room(4);
		this.buffer[this.position++] = (byte) (sum >>> 24);
		this.buffer[this.position++] = (byte) (sum >>> 16);
		this.buffer[this.position++] = (byte) (sum >>> 8);
		this.buffer[this.position++] = (byte) sum;
		return Arrays.copyOf(this.buffer, this.position);
	}

	private void value(Object value) {
		if (value == null) {
			tag(RecordBinary.NULL);
		}
		else if (value instanceof String s) {
			string(s);
		}
		else if (value instanceof BigDecimal d) {
			decimal(d);
		}
		else if (value instanceof Record r) {
			record(r);
		}
		else if (value instanceof Enum<?> e) {
			tag(RecordBinary.ENUM);
			string(e.name());
		}
		else if (value instanceof Boolean b) {
			tag(b ? RecordBinary.TRUE : RecordBinary.FALSE);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			tag(RecordBinary.INT);
			signed(((Number) value).longValue());
		}
		else if (value instanceof LocalDate date) {
			tag(RecordBinary.DATE);
			signed(date.toEpochDay());
		}
		else if (value instanceof List<?> list) {
			tag(RecordBinary.LIST);
			unsigned(list.size());
			for (Object element : list) {
				value(element);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map(map);
		}
		else {
			throw new IllegalArgumentException("type sans forme binaire : " + value.getClass().getName());
		}
	}

	private void record(Record record) {
		Class<?> type = record.getClass();
		Shape shape = SHAPES.get(type);
		Integer number = this.shapes.get(type);
		if (number == null) {
			this.shapes.put(type, this.shapes.size());
			tag(RecordBinary.RECORD_DEF);
			string(type.getSimpleName());
			unsigned(shape.names.length);
			for (String name : shape.names) {
				string(name);
			}
		}
		else {
			tag(RecordBinary.RECORD);
			unsigned(number);
		}
		for (Method accessor : shape.accessors) {
			value(shape.get(accessor, record));
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void map(Map<?, ?> map) {
		// keys in their natural order, as the JSON wrote them (ORDER_MAP_ENTRIES_BY_KEYS): a map read
		// back iterates in the same order whichever form it was stored in
		Map<?, ?> ordered = map instanceof SortedMap || map.size() < 2 ? map : new TreeMap(map);
		tag(RecordBinary.MAP);
		unsigned(ordered.size());
		for (Map.Entry<?, ?> entry : ordered.entrySet()) {
			value(entry.getKey());
			value(entry.getValue());
		}
	}

	private void string(String s) {
		Integer known = this.strings.get(s);
		if (known != null) {
			tag(RecordBinary.STRING_REF);
			unsigned(known);
			return;
		}
		this.strings.put(s, this.strings.size());
		// French text is nearly always Latin-1: one byte a character, copied both ways (UTF-8 with
		// its accents was a quarter of the time)
		boolean latin1 = isLatin1(s);
		if (!latin1 && !pairsItsSurrogates(s)) {
			utf16(s);
			return;
		}
		byte[] encoded = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
		tag(latin1 ? RecordBinary.STRING_LATIN1 : RecordBinary.STRING);
		unsigned(encoded.length);
		bytes(encoded, 0, encoded.length);
	}

	/**
	 * Whether every surrogate of {@code s} is half of a pair: UTF-8 has no form for one alone, and
	 * {@link String#getBytes} would write {@code ?} in its place (a text cut in the middle of an
	 * emoji), where the JSON kept it as an escape.
	 */
	private static boolean pairsItsSurrogates(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** The UTF-16 code units of a string UTF-8 cannot carry exactly, two bytes each, big-endian. */
	private void utf16(String s) {
		tag(RecordBinary.STRING_UTF16);
		unsigned(2L * s.length());
		room(2 * s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			this.buffer[this.position++] = (byte) (c >>> 8);
			this.buffer[this.position++] = (byte) c;
		}
	}

	private static boolean isLatin1(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	private void decimal(BigDecimal d) {
		BigInteger unscaled = d.unscaledValue();
		if (unscaled.bitLength() < 64) {
			tag(RecordBinary.DECIMAL);
			signed(d.scale());
			signed(unscaled.longValue());
		}
		else {
			tag(RecordBinary.BIG_DECIMAL);
			signed(d.scale());
			byte[] bytes = unscaled.toByteArray();
			unsigned(bytes.length);
			bytes(bytes, 0, bytes.length);
		}
	}

	private void tag(int tag) {
		room(1);
		this.buffer[this.position++] = (byte) tag;
	}

	/** Zigzag: small negative numbers take as few bytes as small positive ones. */
	private void signed(long value) {
		unsigned((value << 1) ^ (value >> 63));
	}

	private void unsigned(long value) {
		room(10);
		while ((value & ~0x7FL) != 0) {
			this.buffer[this.position++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		this.buffer[this.position++] = (byte) value;
	}

	private void bytes(byte[] bytes, int offset, int length) {
		room(length);
		System.arraycopy(bytes, offset, this.buffer, this.position, length);
		this.position += length;
	}

	private void room(int length) {
		if (this.position + length > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.position + length));
		}
	}

	/** A record type's component names and accessors, in declaration order. */
	private static final class Shape {

		final String[] names;

		final Method[] accessors;

		Shape(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			this.names = new String[components.length];
			this.accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				this.names[i] = components[i].getName();
				this.accessors[i] = components[i].getAccessor();
				this.accessors[i].trySetAccessible();
			}
		}

		Object get(Method accessor, Record record) {
			try {
				return accessor.invoke(record);
			}
			catch (IllegalAccessException | InvocationTargetException e) {
				throw new IllegalStateException("composant " + accessor.getName() + " de " + record.getClass().getName()
						+ " illisible", e);
			}
		}

	}

}
