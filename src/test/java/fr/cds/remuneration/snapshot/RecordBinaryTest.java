package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.engine.CentreResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary form of records (issue 21): every value back exactly (BigDecimal scales, nulls, empty
 * lists, enums), as the JSON route gives it; a blob written by a record that later gains, loses or
 * reorders components still reads; a damaged blob is refused.
 */
class RecordBinaryTest {

	enum Kind {
		FIRST, SECOND
	}

	record Inner(String label, BigDecimal value, Kind kind) {
	}

	record Edge(BigDecimal zeroScaled, BigDecimal huge, BigDecimal negativeScale, BigDecimal nothing, Integer boxed,
			Integer boxedNull, int primitive, long min, Long boxedLong, boolean yes, Boolean no, Boolean unknown,
			String accents, String empty, String absent, LocalDate date, LocalDate before1970, List<String> none,
			List<String> nullList, List<Inner> inners, Map<String, Long> counts, Map<String, Long> emptyCounts,
			Kind kind, Kind noKind, Inner inner) {
	}

	private static Edge edge() {
		Map<String, Long> counts = new HashMap<>();
		counts.put("zeta", 3L);
		counts.put("alpha", -1L);
		counts.put("mu", Long.MAX_VALUE);
		List<Inner> inners = new ArrayList<>();
		inners.add(new Inner("même libellé", new BigDecimal("1.10"), Kind.SECOND));
		inners.add(null);
		inners.add(new Inner("même libellé", new BigDecimal("-0.000"), null));
		return new Edge(new BigDecimal("0E-36"), new BigDecimal("-123456789012345678901234567890.123400"),
				new BigDecimal("1.2E+7"), null, Integer.MIN_VALUE, null, -1, Long.MIN_VALUE, Long.MAX_VALUE, true,
				false, null, "Évaluée à 12,5 % — « socle » 😀", "", null, LocalDate.of(2024, 12, 31),
				LocalDate.of(1903, 2, 1), List.of(), null, inners, counts, Map.of(), Kind.FIRST, null,
				new Inner("même libellé", BigDecimal.ONE, Kind.FIRST));
	}

	@Test
	void everyValueReadsBackExactlyAndAsTheJsonRouteGivesIt() {
		Edge edge = edge();
		Edge read = RecordBinary.read(RecordBinary.write(edge), Edge.class);

		assertThat(read).isEqualTo(edge).isEqualTo(SnapshotJson.read(SnapshotJson.write(edge), Edge.class));
		// BigDecimal.equals compares the scale, but say it outright
		assertThat(read.zeroScaled().scale()).isEqualTo(36);
		assertThat(read.huge().scale()).isEqualTo(6);
		assertThat(read.negativeScale().scale()).isEqualTo(-6);
		assertThat(read.inners().get(2).value().scale()).isEqualTo(3);
		// the map in the keys' order, as the JSON stores it; empty lists stay empty, absent ones null
		assertThat(read.counts().keySet()).containsExactly("alpha", "mu", "zeta");
		assertThat(SnapshotJson.read(SnapshotJson.write(edge), Edge.class).counts().keySet())
			.containsExactly("alpha", "mu", "zeta");
		assertThat(read.none()).isEmpty();
		assertThat(read.nullList()).isNull();
		assertThat(SnapshotJson.write(read)).isEqualTo(SnapshotJson.write(edge));
	}

	@Test
	void aRepeatedStringIsStoredOnce() {
		String label = "un libellé d'explication assez long pour se voir dans la taille ".repeat(4);
		List<Inner> once = List.of(new Inner(label, BigDecimal.ONE, Kind.FIRST));
		List<Inner> tenTimes = java.util.Collections.nCopies(10, once.get(0));

		int oneMore = (RecordBinary.write(new Wrapper(tenTimes)).length - RecordBinary.write(new Wrapper(once)).length) / 9;
		// tag + shape number + a string reference + decimal + enum reference: a few bytes, not the label
		assertThat(oneMore).isLessThan(12);
		assertThat(RecordBinary.read(RecordBinary.write(new Wrapper(tenTimes)), Wrapper.class).inners()).isEqualTo(tenTimes);
	}

	record Wrapper(List<Inner> inners) {
	}

	/** The record as an older code wrote it. */
	record Then(String name, List<Inner> dropped, String label, Inner kept, int count) {
	}

	/** The same record years later: a component dropped, two added, the others reordered. */
	record Now(Inner kept, String name, BigDecimal added, Integer addedBoxed, List<String> addedList, String label,
			long count) {
	}

	@Test
	void aBlobWrittenBeforeARecordChangedStillReads() {
		Inner kept = new Inner("gardé", new BigDecimal("2.50"), Kind.SECOND);
		// the dropped list defines the shape of Inner and strings that the rest of the blob refers to
		Then then = new Then("centre", List.of(new Inner("libellé partagé", BigDecimal.TEN, Kind.SECOND)),
				"libellé partagé", kept, 7);

		Now now = RecordBinary.read(RecordBinary.write(then), Now.class);

		// a component added later is of a reference type and reads as null (a primitive is refused:
		// aPrimitiveComponentTheBlobLacksIsRefusedAsTheJsonRouteDoes)
		assertThat(now).isEqualTo(new Now(kept, "centre", null, null, null, "libellé partagé", 7L));
		record NowBoxed(Inner kept, String name, BigDecimal added, List<String> addedList, String label, long count) {
		}
		// the JSON route treats the rest alike
		assertThat(SnapshotJson.read(SnapshotJson.write(then), NowBoxed.class))
			.isEqualTo(RecordBinary.read(RecordBinary.write(then), NowBoxed.class))
			.isEqualTo(new NowBoxed(kept, "centre", null, null, "libellé partagé", 7L));
	}

	@Test
	void anEnumConstantTheCodeNoLongerHasIsRefused() {
		record Named(String kind) {
		}
		record Typed(Kind kind) {
		}
		byte[] blob = RecordBinary.write(new Named("FIRST"));
		// a string where an enum is expected: refused, not guessed
		assertThatThrownBy(() -> RecordBinary.read(blob, Typed.class)).isInstanceOf(IllegalStateException.class);

		record Stored(Kind kind) {
		}
		assertThat(RecordBinary.read(RecordBinary.write(new Stored(Kind.SECOND)), Typed.class).kind()).isEqualTo(Kind.SECOND);
	}

	@Test
	void aDamagedBlobIsRefusedNotReadAsAnotherValue() {
		byte[] blob = RecordBinary.write(edge());
		List<byte[]> damaged = new ArrayList<>();
		for (int i = 0; i < blob.length; i += 7) {
			byte[] flipped = blob.clone();
			flipped[i] ^= 0x01;
			damaged.add(flipped);
		}
		for (int length = 0; length < blob.length; length += 5) {
			damaged.add(Arrays.copyOf(blob, length));
		}
		damaged.add(Arrays.copyOf(blob, blob.length + 1));
		damaged.add(SnapshotJson.writeBytes(edge()));
		for (byte[] value : damaged) {
			assertThatThrownBy(() -> RecordBinary.read(value, Edge.class)).isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void aStringWithAnUnpairedSurrogateReadsBackExactlyAsTheJsonRouteGivesIt() {
		// half an emoji (a text cut in the middle of a pair), a low surrogate alone, a pair in reverse
		// order, and the characters around the Latin-1 boundary and NUL, which take the other forms
		List<Inner> texts = List.of(new Inner("moitié \uD83D d'emoji", BigDecimal.ONE, Kind.FIRST),
				new Inner("\uDE00 seul", BigDecimal.ONE, Kind.FIRST), new Inner("\uDE00\uD83D inversé", BigDecimal.ONE, null),
				new Inner("fin \uD83D", BigDecimal.ONE, null), new Inner("\u00FF\u0100\u0000😀", BigDecimal.ONE, null),
				new Inner("\u00FF\u0000", BigDecimal.ONE, null));
		Wrapper wrapper = new Wrapper(texts);

		assertThat(RecordBinary.read(RecordBinary.write(wrapper), Wrapper.class)).isEqualTo(wrapper)
			.isEqualTo(SnapshotJson.read(SnapshotJson.write(wrapper), Wrapper.class));
	}

	/** A blob of the form around {@code body}, with its right checksum: what a forger can make. */
	private static byte[] forged(int... body) {
		byte[] blob = new byte[RecordBinary.MAGIC.length + body.length + 4];
		System.arraycopy(RecordBinary.MAGIC, 0, blob, 0, RecordBinary.MAGIC.length);
		for (int i = 0; i < body.length; i++) {
			blob[RecordBinary.MAGIC.length + i] = (byte) body[i];
		}
		java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
		crc.update(blob, 0, blob.length - 4);
		int sum = (int) crc.getValue();
		int end = blob.length - 4;
		blob[end] = (byte) (sum >>> 24);
		blob[end + 1] = (byte) (sum >>> 16);
		blob[end + 2] = (byte) (sum >>> 8);
		blob[end + 3] = (byte) sum;
		return blob;
	}

	record Amount(BigDecimal value) {
	}

	record Count(int value) {
	}

	@Test
	void forgedBytesWithTheRightChecksumAreRefusedInFrench() {
		int def = RecordBinary.RECORD_DEF;
		int latin1 = RecordBinary.STRING_LATIN1;
		// Amount { value: DECIMAL of scale 2^40 }
		byte[] hugeScale = forged(def, latin1, 1, 'A', 1, latin1, 5, 'v', 'a', 'l', 'u', 'e', RecordBinary.DECIMAL, 0x80,
				0x80, 0x80, 0x80, 0x80, 0x40, 2);
		// Amount { value: DECIMAL 1E+1000000 (scale -1,000,000): a million digits written out }
		byte[] absurdScale = forged(def, latin1, 1, 'A', 1, latin1, 5, 'v', 'a', 'l', 'u', 'e', RecordBinary.DECIMAL, 0xFF,
				0x88, 0x7A, 2);
		// Count { value: INT of 2^40, beyond an int }
		byte[] hugeInt = forged(def, latin1, 1, 'C', 1, latin1, 5, 'v', 'a', 'l', 'u', 'e', RecordBinary.INT, 0x80, 0x80,
				0x80, 0x80, 0x80, 0x40);

		assertThatThrownBy(() -> RecordBinary.read(hugeScale, Amount.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("valeur endommagée");
		assertThatThrownBy(() -> RecordBinary.read(absurdScale, Amount.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("valeur endommagée");
		assertThatThrownBy(() -> RecordBinary.read(hugeInt, Count.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("valeur endommagée");
	}

	@Test
	void aForgedValueNestedWithoutEndIsRefusedNotAStackOverflow() {
		// Amount { other: [[[[...]]]] nested 300,000 deep, value: null }: "other" is a component
		// Amount does not have, read over
		int depth = 300_000;
		int[] body = new int[19 + 2 * depth + 1];
		int at = 0;
		for (int b : new int[] { RecordBinary.RECORD_DEF, RecordBinary.STRING_LATIN1, 1, 'A', 2, RecordBinary.STRING_LATIN1,
				5, 'o', 't', 'h', 'e', 'r', RecordBinary.STRING_LATIN1, 5, 'v', 'a', 'l', 'u', 'e' }) {
			body[at++] = b;
		}
		for (int i = 0; i < depth - 1; i++) {
			body[at++] = RecordBinary.LIST;
			body[at++] = 1;
		}
		body[at++] = RecordBinary.LIST;
		body[at++] = 0;
		body[at++] = RecordBinary.NULL;
		byte[] blob = forged(Arrays.copyOf(body, at));

		assertThatThrownBy(() -> RecordBinary.read(blob, Amount.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("imbriquée");
	}

	@Test
	void aPrimitiveComponentTheBlobLacksIsRefusedAsTheJsonRouteDoes() {
		record Before(String label) {
		}
		record After(String label, boolean met, long days) {
		}
		byte[] blob = RecordBinary.write(new Before("socle"));
		// false or 0 would be read as a verdict or a count the centre never had: refused, naming it
		assertThatThrownBy(() -> RecordBinary.read(blob, After.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("met");
		assertThatThrownBy(() -> SnapshotJson.read(SnapshotJson.write(new Before("socle")), After.class))
			.isInstanceOf(RuntimeException.class);

		// a null stored where the reading record has a primitive: refused too
		record Boxed(String label, Boolean met, Long days) {
		}
		byte[] nulls = RecordBinary.write(new Boxed("socle", null, 3L));
		assertThatThrownBy(() -> RecordBinary.read(nulls, After.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("met");
		assertThat(RecordBinary.read(RecordBinary.write(new Boxed("socle", true, 3L)), After.class))
			.isEqualTo(new After("socle", true, 3L));
	}

	@Test
	void aTypeWithoutBinaryFormIsRefusedWhenWritten() {
		record WithSet(java.util.Set<String> set) {
		}
		assertThatThrownBy(() -> RecordBinary.write(new WithSet(java.util.Set.of("a"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Set");
	}

	/**
	 * A result stored in this form when it was introduced (the bytes of the file, written by
	 * {@link RecordBinary#write} from the older result's JSON, December 2026): this and every later
	 * code must read it to the same result, as results are read again years later.
	 */
	@Test
	void aResultStoredInTheFirstVersionOfTheFormStillReads() throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/snapshot");
		CentreResult fromJson = SnapshotJson.read(
				java.nio.file.Files.readString(dir.resolve("centre-result-2024-130000011.json")), CentreResult.class);
		byte[] stored = java.nio.file.Files.readAllBytes(dir.resolve("centre-result-2024-130000011.bin"));

		assertThat(new StoredResultEncoding.Stored(stored).decode()).isEqualTo(fromJson);
	}

	@Test
	void everyTypeInACentreResultHasABinaryForm() {
		// a component added later of a type the reader cannot build fails here, not on a stored result
		RecordBinaryReader.checkReadable(CentreResult.class);
	}

}
