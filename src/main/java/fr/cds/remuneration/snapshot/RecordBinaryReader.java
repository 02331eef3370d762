package fr.cds.remuneration.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Reads one blob of the form {@link RecordBinary} describes, led by the Java types expected: each
 * type gets a decoder once ({@link #DECODERS}), each record type its plan (constructor, component
 * decoders, {@link Plan}). Values come back as the JSON gave them: lists as {@link ArrayList}, maps as
 * {@link LinkedHashMap} in stored order, records built through their canonical constructor.
 */
final class RecordBinaryReader {

	/** What reads a value of one Java type, given its tag. */
	private interface Decoder {

		Object read(RecordBinaryReader reader, int tag);

	}

	private static final Map<Type, Decoder> DECODERS = new ConcurrentHashMap<>();

	private static final ClassValue<Plan> PLANS = new ClassValue<>() {
		@Override
		protected Plan computeValue(Class<?> type) {
			return new Plan(type);
		}
	};

	/** Levels of lists, maps and records a value read over may have: a result has fewer than ten. */
	private static final int MAX_DEPTH = 200;

	/** The largest scale, either sign, of a decimal read: money and rates have fewer than forty digits. */
	private static final int MAX_SCALE = 10_000;

	private final byte[] blob;

	private int skipDepth;

	private int position;

	private final int end;

	private String[] strings = new String[256];

	private int stringCount;

	private Shape[] shapes = new Shape[32];

	private int shapeCount;

	RecordBinaryReader(byte[] blob) {
		this.blob = blob;
		this.end = blob.length - 4;
	}

	Object readWhole(Class<?> type) {
		if (!RecordBinary.isBinary(this.blob) || this.end < RecordBinary.MAGIC.length) {
			throw new IllegalStateException("valeur qui n'est pas un résultat binaire");
		}
		if (this.blob[3] != RecordBinary.MAGIC[3]) {
			throw new IllegalStateException("version " + this.blob[3] + " de la forme binaire inconnue");
		}
		CRC32C crc = new CRC32C();
		crc.update(this.blob, 0, this.end);
		int stored = (this.blob[this.end] & 0xFF) << 24 | (this.blob[this.end + 1] & 0xFF) << 16
				| (this.blob[this.end + 2] & 0xFF) << 8 | (this.blob[this.end + 3] & 0xFF);
		if ((int) crc.getValue() != stored) {
			throw new IllegalStateException("valeur endommagée ou tronquée (somme de contrôle)");
		}
		this.position = RecordBinary.MAGIC.length;
		Object value;
		try {
			value = decoder(type).read(this, next());
		}
		catch (IndexOutOfBoundsException | NegativeArraySizeException ex) {
			throw new IllegalStateException("valeur tronquée", ex);
		}
		catch (ArithmeticException | NumberFormatException | java.time.DateTimeException ex) {
			// a number out of its type's range (an int, a scale, an epoch day): the JDK says it in English
			throw new IllegalStateException("valeur endommagée (nombre hors limites)", ex);
		}
		if (this.position != this.end) {
			throw new IllegalStateException("valeur suivie de " + (this.end - this.position) + " octets inattendus");
		}
		return value;
	}

	private int next() {
		if (this.position >= this.end) {
			throw new IllegalStateException("valeur tronquée");
		}
		return this.blob[this.position++];
	}

	private long unsigned() {
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			int b = next();
			value |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return value;
			}
		}
		throw new IllegalStateException("entier trop long");
	}

	private int count() {
		long count = unsigned();
		if (count > this.end - this.position) {
			throw new IllegalStateException("longueur " + count + " au-delà de la valeur");
		}
		return (int) count;
	}

	private long signed() {
		long raw = unsigned();
		return (raw >>> 1) ^ -(raw & 1);
	}

	private String string(int tag) {
		if (tag == RecordBinary.STRING_REF) {
			long number = unsigned();
			if (number >= this.stringCount) {
				throw new IllegalStateException("renvoi à la chaîne " + number + " inconnue");
			}
			return this.strings[(int) number];
		}
		if (tag != RecordBinary.STRING && tag != RecordBinary.STRING_LATIN1 && tag != RecordBinary.STRING_UTF16) {
			throw unexpected(tag, "une chaîne");
		}
		int length = count();
		String s = tag == RecordBinary.STRING_UTF16 ? utf16(length)
				: new String(this.blob, this.position, length,
						tag == RecordBinary.STRING ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
		this.position += length;
		if (this.stringCount == this.strings.length) {
			this.strings = Arrays.copyOf(this.strings, this.stringCount * 2);
		}
		this.strings[this.stringCount++] = s;
		return s;
	}

	/**
	 * The string of {@link RecordBinary#STRING_UTF16}'s {@code length} bytes at the position, code
	 * unit by code unit (a charset decoder would replace a lone surrogate).
	 */
	private String utf16(int length) {
		if (length % 2 != 0) {
			throw new IllegalStateException("chaîne UTF-16 de " + length + " octets, nombre impair");
		}
		char[] chars = new char[length / 2];
		for (int i = 0, at = this.position; i < chars.length; i++, at += 2) {
			chars[i] = (char) ((this.blob[at] & 0xFF) << 8 | (this.blob[at + 1] & 0xFF));
		}
		return new String(chars);
	}

	private BigDecimal decimal(int tag) {
		long scale = signed();
		// a forged scale of a billion would make toPlainString write a billion digits
		if (scale > MAX_SCALE || scale < -MAX_SCALE) {
			throw new IllegalStateException("valeur endommagée (nombre décimal d'échelle " + scale + ")");
		}
		if (tag == RecordBinary.DECIMAL) {
			return BigDecimal.valueOf(signed(), (int) scale);
		}
		int length = count();
		BigInteger unscaled = new BigInteger(this.blob, this.position, length);
		this.position += length;
		return new BigDecimal(unscaled, (int) scale);
	}

	/**
	 * A value whose component the reading record no longer has: read over, its strings and shapes
	 * kept. Its depth is bounded ({@link #MAX_DEPTH}): two bytes a level, a forged blob of a few
	 * hundred kilobytes would otherwise overflow the thread's stack (an Error, not a refusal).
	 */
	private void skip(int tag) {
		if (++this.skipDepth > MAX_DEPTH) {
			throw new IllegalStateException("valeur endommagée (imbriquée sur plus de " + MAX_DEPTH + " niveaux)");
		}
		try {
			skipValue(tag);
		}
		finally {
			this.skipDepth--;
		}
	}

	private void skipValue(int tag) {
		switch (tag) {
			case RecordBinary.NULL, RecordBinary.FALSE, RecordBinary.TRUE -> {
			}
			case RecordBinary.INT, RecordBinary.DATE -> unsigned();
			case RecordBinary.STRING, RecordBinary.STRING_LATIN1, RecordBinary.STRING_UTF16, RecordBinary.STRING_REF -> string(tag);
			case RecordBinary.DECIMAL, RecordBinary.BIG_DECIMAL -> decimal(tag);
			case RecordBinary.ENUM -> string(next());
			case RecordBinary.LIST -> {
				for (int i = count(); i > 0; i--) {
					skip(next());
				}
			}
			case RecordBinary.MAP -> {
				for (int i = count(); i > 0; i--) {
					skip(next());
					skip(next());
				}
			}
			case RecordBinary.RECORD_DEF, RecordBinary.RECORD -> {
				for (int i = shape(tag).names.length; i > 0; i--) {
					skip(next());
				}
			}
			default -> throw unexpected(tag, "une valeur");
		}
	}

	/** The shape a record's tag names, defining it first after {@link RecordBinary#RECORD_DEF}. */
	private Shape shape(int tag) {
		if (tag == RecordBinary.RECORD) {
			long number = unsigned();
			if (number >= this.shapeCount) {
				throw new IllegalStateException("renvoi à la forme d'enregistrement " + number + " inconnue");
			}
			return this.shapes[(int) number];
		}
		string(next()); // the record's name: for a person reading the bytes, not for reading them
		String[] names = new String[count()];
		for (int i = 0; i < names.length; i++) {
			names[i] = string(next());
		}
		Shape shape = new Shape(names);
		if (this.shapeCount == this.shapes.length) {
			this.shapes = Arrays.copyOf(this.shapes, this.shapeCount * 2);
		}
		this.shapes[this.shapeCount++] = shape;
		return shape;
	}

	private Object record(Plan plan, int tag) {
		if (tag != RecordBinary.RECORD_DEF && tag != RecordBinary.RECORD) {
			throw unexpected(tag, "un enregistrement " + plan.type.getSimpleName());
		}
		Shape shape = shape(tag);
		int[] slots = shape.slots(plan);
		if (shape.missingPrimitive >= 0) {
			throw noPrimitive(plan, shape.missingPrimitive, "absent de la valeur stockée");
		}
		Object[] arguments = plan.defaults.clone();
		for (int slot : slots) {
			int valueTag = next();
			if (slot < 0) {
				skip(valueTag);
			}
			else if (valueTag == RecordBinary.NULL && plan.primitive[slot]) {
				throw noPrimitive(plan, slot, "nul dans la valeur stockée");
			}
			else {
				arguments[slot] = plan.decoders[slot].read(this, valueTag);
			}
		}
		return plan.create(arguments);
	}

	/**
	 * A primitive component (boolean, int, long) the blob gives no value for is refused, as the JSON
	 * route refuses it: 0 or {@code false} would be read as a count or a verdict (socle met, days
	 * open) the centre never had. A component added later must be of a reference type.
	 */
	private static IllegalStateException noPrimitive(Plan plan, int slot, String why) {
		return new IllegalStateException("composant " + plan.names[slot] + " (" + plan.types[slot].getTypeName() + ") de "
				+ plan.type.getSimpleName() + " " + why);
	}

	private static IllegalStateException unexpected(int tag, String expected) {
		return new IllegalStateException("étiquette " + tag + " là où était attendu " + expected);
	}

	private static Decoder decoder(Type type) {
		Decoder known = DECODERS.get(type);
		if (known == null) {
			known = newDecoder(type);
			DECODERS.put(type, known);
		}
		return known;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Decoder newDecoder(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
			Decoder element = decoder(parameterized.getActualTypeArguments()[0]);
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.LIST, "une liste");
				int count = reader.count();
				List<Object> list = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					list.add(element.read(reader, reader.next()));
				}
				return list;
			});
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Map.class) {
			Decoder key = decoder(parameterized.getActualTypeArguments()[0]);
			Decoder value = decoder(parameterized.getActualTypeArguments()[1]);
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.MAP, "une table");
				int count = reader.count();
				Map<Object, Object> map = new LinkedHashMap<>();
				for (int i = 0; i < count; i++) {
					Object k = key.read(reader, reader.next());
					map.put(k, value.read(reader, reader.next()));
				}
				return map;
			});
		}
		if (!(type instanceof Class<?> c)) {
			throw new IllegalArgumentException("type sans forme binaire : " + type.getTypeName());
		}
		if (c == String.class) {
			return nullable(RecordBinaryReader::string);
		}
		if (c == BigDecimal.class) {
			return nullable((reader, tag) -> {
				if (tag != RecordBinary.DECIMAL && tag != RecordBinary.BIG_DECIMAL) {
					throw unexpected(tag, "un nombre décimal");
				}
				return reader.decimal(tag);
			});
		}
		if (c == int.class || c == Integer.class) {
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.INT, "un entier");
				return Math.toIntExact(reader.signed());
			});
		}
		if (c == long.class || c == Long.class) {
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.INT, "un entier");
				return reader.signed();
			});
		}
		if (c == boolean.class || c == Boolean.class) {
			return nullable((reader, tag) -> {
				if (tag != RecordBinary.TRUE && tag != RecordBinary.FALSE) {
					throw unexpected(tag, "un booléen");
				}
				return tag == RecordBinary.TRUE;
			});
		}
		if (c == LocalDate.class) {
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.DATE, "une date");
				return LocalDate.ofEpochDay(reader.signed());
			});
		}
		if (c.isEnum()) {
			Map<String, Object> constants = new HashMap<>();
			for (Object constant : c.getEnumConstants()) {
				constants.put(((Enum) constant).name(), constant);
			}
			return nullable((reader, tag) -> {
				expect(tag, RecordBinary.ENUM, "une valeur de " + c.getSimpleName());
				String name = reader.string(reader.next());
				Object constant = constants.get(name);
				if (constant == null) {
					throw new IllegalStateException("valeur " + name + " inconnue de " + c.getSimpleName());
				}
				return constant;
			});
		}
		if (c.isRecord()) {
			return nullable((reader, tag) -> reader.record(PLANS.get(c), tag));
		}
		throw new IllegalArgumentException("type sans forme binaire : " + type.getTypeName());
	}

	private static void expect(int tag, int expected, String what) {
		if (tag != expected) {
			throw unexpected(tag, what);
		}
	}

	private static Decoder nullable(Decoder decoder) {
		return (reader, tag) -> tag == RecordBinary.NULL ? null : decoder.read(reader, tag);
	}

	/** Checks that every type reachable from {@code type} can be read (a test calls it on the result's type). */
	static void checkReadable(Class<?> type) {
		PLANS.get(type).checkReadable(new java.util.HashSet<>());
	}

	/** A record shape as the blob defines it, bound to the reading record type on first use. */
	private static final class Shape {

		final String[] names;

		private Plan bound;

		private int[] slots;

		/** A primitive component of the bound record that this shape lacks, or -1. */
		int missingPrimitive;

		Shape(String[] names) {
			this.names = names;
		}

		/** For each stored component, the reading record's component of the same name, or -1. */
		int[] slots(Plan plan) {
			if (this.bound != plan) {
				int[] slots = new int[this.names.length];
				boolean[] given = new boolean[plan.primitive.length];
				for (int i = 0; i < slots.length; i++) {
					slots[i] = plan.index.getOrDefault(this.names[i], -1);
					if (slots[i] >= 0) {
						given[slots[i]] = true;
					}
				}
				this.missingPrimitive = -1;
				for (int i = 0; i < given.length && this.missingPrimitive < 0; i++) {
					if (plan.primitive[i] && !given[i]) {
						this.missingPrimitive = i;
					}
				}
				this.slots = slots;
				this.bound = plan;
			}
			return this.slots;
		}

	}

	/** How a record type is built: its canonical constructor, its components' decoders and defaults. */
	private static final class Plan {

		final Class<?> type;

		final Constructor<?> constructor;

		final Decoder[] decoders;

		final boolean[] primitive;

		final Object[] defaults;

		final Map<String, Integer> index = new HashMap<>();

		final String[] names;

		final Type[] types;

		Plan(Class<?> type) {
			this.type = type;
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] raw = new Class<?>[components.length];
			this.types = new Type[components.length];
			this.names = new String[components.length];
			this.decoders = new Decoder[components.length];
			this.primitive = new boolean[components.length];
			this.defaults = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				raw[i] = components[i].getType();
				this.types[i] = components[i].getGenericType();
				this.decoders[i] = decoder(this.types[i]);
				this.primitive[i] = raw[i].isPrimitive();
				this.defaults[i] = defaultOf(raw[i]);
				this.names[i] = components[i].getName();
				this.index.put(components[i].getName(), i);
			}
			try {
				this.constructor = type.getDeclaredConstructor(raw);
			}
			catch (NoSuchMethodException e) {
				throw new IllegalArgumentException("pas de constructeur canonique : " + type.getName(), e);
			}
			this.constructor.trySetAccessible();
		}

		Object create(Object[] arguments) {
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException(this.type.getSimpleName() + " refusé : " + e.getCause().getMessage(),
						e.getCause());
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(this.type.getSimpleName() + " non construit", e);
			}
		}

		void checkReadable(java.util.Set<Class<?>> seen) {
			if (!seen.add(this.type)) {
				return;
			}
			for (Type t : this.types) {
				check(t, seen);
			}
		}

		private static void check(Type type, java.util.Set<Class<?>> seen) {
			if (type instanceof ParameterizedType p) {
				for (Type argument : p.getActualTypeArguments()) {
					check(argument, seen);
				}
			}
			else if (type instanceof Class<?> c && c.isRecord()) {
				PLANS.get(c).checkReadable(seen);
			}
		}

		private static Object defaultOf(Class<?> type) {
			if (type == boolean.class) {
				return false;
			}
			if (type == int.class) {
				return 0;
			}
			if (type == long.class) {
				return 0L;
			}
			if (type.isPrimitive()) {
				throw new IllegalArgumentException("type sans forme binaire : " + type.getName());
			}
			return null;
		}

	}

}
