package fr.cds.remuneration.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.support.RandomCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoding check at launch must agree with the strict decoders the readers use: a file it
 * lets through is read, a file it refuses would fail to read. Checked against the JDK's own
 * decoders on random bytes made of valid, overlong, surrogate, truncated and stray sequences.
 */
class InputFileScanTest {

	private static final byte[][] PIECES = { "a;b\n".getBytes(StandardCharsets.UTF_8),
			"é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
			"😀".getBytes(StandardCharsets.UTF_8), { (byte) 0xE9 }, { (byte) 0xC0, (byte) 0xAF },
			{ (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF0, (byte) 0x9F }, { (byte) 0x80 },
			{ (byte) 0xFF }, { (byte) 0x81 }, { (byte) 0x9C }, { (byte) 0xC3 }, { '\n' } };

	@TempDir
	Path work;

	@Test
	void agreesWithTheStrictDecodersOnRandomBytes() {
		RandomCases.check(3000, 5_000, draw -> {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			int pieces = draw.between(0, 12);
			for (int i = 0; i < pieces; i++) {
				bytes.writeBytes(draw.oneOf(PIECES));
			}
			return bytes.toByteArray();
		}, bytes -> {
			Path file = Files.write(this.work.resolve("f.csv"), bytes);
			InputFileScan scan = InputFileScan.of(file, "f.csv");
			boolean utf8 = decodes(bytes, InputEncoding.UTF_8);
			assertThat(scan.problem(InputEncoding.UTF_8).isEmpty()).as(HexFormat.of().formatHex(bytes)).isEqualTo(utf8);
			if (scan.problem(InputEncoding.WINDOWS_1252).isEmpty()) {
				assertThat(decodes(bytes, InputEncoding.WINDOWS_1252)).isTrue();
			}
			assertThat(scan.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		});
	}

	@Test
	void namesTheLineAndTheByteOfAWindows1252File() throws IOException {
		Path file = Files.write(this.work.resolve("centres.csv"),
				"finess;nom\n750000100;Centre de santé\n690000100;Château\n".getBytes("windows-1252"));

		InputFileScan.Problem problem = InputFileScan.of(file, "centres.csv").problem(InputEncoding.UTF_8).orElseThrow();

		assertThat(problem.line()).isEqualTo(2);
		assertThat(problem.message()).startsWith("pas en UTF-8 valide : octet 0xE9 en position 25 de la ligne. Il semble en Windows-1252/Latin-1 : ses 2"
				+ " octet(s) non ASCII se lisent tous comme du texte français dans cet encodage (le premier, ligne 2,"
				+ " comme 'é')");
		assertThat(InputFileScan.of(file, "centres.csv").problem(InputEncoding.WINDOWS_1252)).isEmpty();
	}

	/**
	 * In a Windows-1252 file a quote may close a field right after a byte that starts a UTF-8
	 * sequence ({@code é}): it still counts, so no cut falls inside a later quoted line break. Every
	 * boundary is checked against the line starts preceded by an even number of quote bytes.
	 */
	@Test
	void aQuoteAfterAWindows1252ByteStillCountsForTheCutPoints() throws IOException {
		StringBuilder text = new StringBuilder("finess;nom\n");
		for (int i = 0; i < 40; i++) {
			text.append("75000010").append(i % 10).append(";\"Centre de santé\"\n");
			text.append("69000010").append(i % 10).append(";\"Deux\nlignes\"\n");
		}
		byte[] bytes = text.toString().getBytes("windows-1252");
		Path file = Files.write(this.work.resolve("centres.csv"), bytes);
		java.util.Set<Long> recordStarts = new java.util.HashSet<>();
		int quotes = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '"') {
				quotes++;
			}
			else if (bytes[i] == '\n' && quotes % 2 == 0) {
				recordStarts.add((long) i + 1);
			}
		}

		for (int parts = 2; parts <= 16; parts++) {
			long[] boundaries = InputFileScan.of(file, "centres.csv", parts).recordBoundaries();
			assertThat(boundaries).as("%d parts", parts).isNotEmpty();
			for (long boundary : boundaries) {
				assertThat(recordStarts).as("%d parts", parts).contains(boundary);
			}
		}
	}

	/**
	 * The scan skips eight plain ASCII bytes at once: long runs of text between the bytes that
	 * matter (line ends, quotes, NUL, non-ASCII, at every offset within a word) must give what a
	 * byte-by-byte reading gives: the decoders' verdict, the checksum, and cut points at record starts.
	 */
	@Test
	void longPlainRunsBetweenTheBytesThatMatterChangeNothing() {
		byte[][] pieces = { "centre de sante numero ".getBytes(StandardCharsets.UTF_8), "ab".getBytes(StandardCharsets.UTF_8),
				"x".getBytes(StandardCharsets.UTF_8), { '"' }, { '\n' }, { 0 }, "é".getBytes(StandardCharsets.UTF_8),
				{ (byte) 0xE9 }, { (byte) 0xF0, (byte) 0x9F } };
		RandomCases.check(2000, 5_000, draw -> {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			int count = draw.between(0, 40);
			for (int i = 0; i < count; i++) {
				bytes.writeBytes(draw.oneOf(pieces));
			}
			return bytes.toByteArray();
		}, bytes -> {
			Path file = Files.write(this.work.resolve("p.csv"), bytes);
			InputFileScan scan = InputFileScan.of(file, "p.csv", 3);
			assertThat(scan.problem(InputEncoding.UTF_8).isEmpty() || hasNul(bytes))
				.as(HexFormat.of().formatHex(bytes))
				.isEqualTo(decodes(bytes, InputEncoding.UTF_8) || hasNul(bytes));
			assertThat(scan.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
			java.util.Set<Long> recordStarts = new java.util.HashSet<>();
			int quotes = 0;
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '"') {
					quotes++;
				}
				else if (bytes[i] == '\n' && quotes % 2 == 0) {
					recordStarts.add((long) i + 1);
				}
			}
			for (long boundary : scan.recordBoundaries()) {
				assertThat(recordStarts).as(HexFormat.of().formatHex(bytes)).contains(boundary);
			}
		});
	}

	private static boolean hasNul(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean decodes(byte[] bytes, InputEncoding encoding) {
		try {
			encoding.charset()
				.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}


	/**
	 * A file large enough for its SHA-256 to be computed on a second thread while the scan runs
	 * (the national extract's launch pass): the same file checksum, cut points at record starts and
	 * range checksums as the bytes hashed in one piece, and the encoding problem still found.
	 */
	@Test
	void aLargeFileHashedOnASecondThreadGivesTheSameChecksums() throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (int i = 0; out.size() < (18 << 20); i++) {
			out.writeBytes(("P" + i + ";75000010" + (i % 10) + ";\"Centre\nde santé\";2024\n").getBytes(StandardCharsets.UTF_8));
		}
		out.write(0xE9);
		out.writeBytes(";fin\n".getBytes(StandardCharsets.UTF_8));
		byte[] bytes = out.toByteArray();
		Path file = Files.write(this.work.resolve("patients.csv"), bytes);

		InputFileScan scan = InputFileScan.of(file, "patients.csv", 3);

		assertThat(scan.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		assertThat(scan.size()).isEqualTo(bytes.length);
		long[] boundaries = scan.recordBoundaries();
		assertThat(boundaries).hasSize(2);
		java.util.List<String> ranges = scan.rangeSha256();
		long start = 0;
		for (int k = 0; k <= boundaries.length; k++) {
			long end = k < boundaries.length ? boundaries[k] : bytes.length;
			assertThat(end == bytes.length || (bytes[(int) end - 1] == '\n' && bytes[(int) end] == 'P')).isTrue();
			MessageDigest range = MessageDigest.getInstance("SHA-256");
			range.update(bytes, (int) start, (int) (end - start));
			assertThat(ranges.get(k)).isEqualTo(HexFormat.of().formatHex(range.digest()));
			start = end;
		}
		assertThat(scan.problem(InputEncoding.UTF_8)).isPresent();
	}

}
