package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The statements' two fonts (DejaVu Sans regular and bold), parsed once and lent to one PDF at a
 * time (for its subset), with what the layout and the embedding read of them (each character's
 * glyph id and advance width, the face's metrics) read once per process. Measured (issue 17, JFR):
 * reading the font files again for every PDF (table directory, cmap, metrics) took 15 % of a PDF's
 * CPU time.
 * <p>
 * A parsed font is not safe for two threads at once (it reads its tables lazily from one
 * stream), so each PDF borrows a pair and gives it back when saved: there are never more pairs
 * than PDFs rendered at the same time, i.e. than rendering threads.
 * <p>
 * The fonts are read without their {@code GSUB} table (DejaVu Sans's ligatures and contextual forms,
 * which a French statement does not need and which once made "fi" unsearchable in the PDFs): one
 * character, one glyph. The embedded subsets are the same (PDFBox's subsetter never copies
 * {@code GSUB}).
 */
final class StatementFonts {

	private static final byte[] REGULAR = withoutGlyphSubstitution(resource("DejaVuSans.ttf"));

	private static final byte[] BOLD = withoutGlyphSubstitution(resource("DejaVuSans-Bold.ttf"));

	/** Advance widths of the BMP's characters in thousandths of an em (regular, bold), for the PDF's own layout. */
	private static final float[][] ADVANCES = new float[2][];

	/** Glyph id of each of the BMP's characters (regular, bold): the codes the PDF's text is written in. */
	private static final int[][] GLYPHS = new int[2][];

	private static final Metrics[] METRICS = new Metrics[2];

	/**
	 * For each glyph id (regular, bold), the lowest of the BMP's characters the font draws with it,
	 * or -1: the one character the PDF writes as that glyph's own code ({@link EmbeddedFont}); any
	 * other character drawn with it (or with no glyph) gets a code of its own, so that the text
	 * extracted from the PDF is the text written.
	 */
	private static final int[][] PRIMARY = new int[2][];

	/** The number of glyphs of each face (regular, bold): the first code no glyph id takes. */
	private static final int[] GLYPH_COUNT = new int[2];

	static {
		read(0, REGULAR);
		read(1, BOLD);
	}

	/** What a PDF's font descriptor says of a face, in thousandths of an em. */
	record Metrics(String name, float[] bbox, float ascent, float descent, float capHeight) {
	}

	private static final Queue<StatementFonts> IDLE = new ConcurrentLinkedQueue<>();

	private final TrueTypeFont regular;

	private final TrueTypeFont bold;

	private StatementFonts() {
		this.regular = parse(REGULAR);
		this.bold = parse(BOLD);
	}

	/** A pair of fonts no other PDF is using; {@link #giveBack()} once the PDF is saved. */
	static StatementFonts borrow() {
		StatementFonts fonts = IDLE.poll();
		return fonts != null ? fonts : new StatementFonts();
	}

	void giveBack() {
		IDLE.offer(this);
	}

	/** The advance width of {@code c} in thousandths of an em (that of the missing glyph when the font lacks it). */
	static float advance(boolean bold, char c) {
		return ADVANCES[bold ? 1 : 0][c];
	}

	/** The glyph id of {@code c} (0, the missing glyph, when the font lacks it). */
	static int glyph(boolean bold, char c) {
		return GLYPHS[bold ? 1 : 0][c];
	}

	/** The lowest of the BMP's characters drawn with glyph {@code gid}, or -1. */
	static int primary(boolean bold, int gid) {
		int[] primary = PRIMARY[bold ? 1 : 0];
		return gid < primary.length ? primary[gid] : -1;
	}

	static int glyphCount(boolean bold) {
		return GLYPH_COUNT[bold ? 1 : 0];
	}

	static Metrics metrics(boolean bold) {
		return METRICS[bold ? 1 : 0];
	}

	/** The face's glyph ids, advance widths and metrics, read once. */
	private static void read(int face, byte[] font) {
		try {
			TrueTypeFont parsed = parse(font);
			CmapLookup cmap = parsed.getUnicodeCmapLookup();
			float scale = 1000f / parsed.getUnitsPerEm();
			float[] advances = new float[65536];
			int[] glyphs = new int[65536];
			for (int c = 0; c < advances.length; c++) {
				glyphs[c] = cmap.getGlyphId(c);
				advances[c] = parsed.getAdvanceWidth(glyphs[c]) * scale;
			}
			ADVANCES[face] = advances;
			GLYPHS[face] = glyphs;
			int[] primary = new int[parsed.getNumberOfGlyphs()];
			java.util.Arrays.fill(primary, -1);
			for (int c = glyphs.length - 1; c >= 0; c--) {
				if (glyphs[c] != 0 && glyphs[c] < primary.length) {
					primary[glyphs[c]] = c;
				}
			}
			PRIMARY[face] = primary;
			GLYPH_COUNT[face] = parsed.getNumberOfGlyphs();
			var head = parsed.getHeader();
			var hhea = parsed.getHorizontalHeader();
			var os2 = parsed.getOS2Windows();
			METRICS[face] = new Metrics(parsed.getName(),
					new float[] { head.getXMin() * scale, head.getYMin() * scale, head.getXMax() * scale, head.getYMax() * scale },
					hhea.getAscender() * scale, hhea.getDescender() * scale,
					(os2 != null && os2.getCapHeight() != 0 ? os2.getCapHeight() : hhea.getAscender()) * scale);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The borrowed face itself (for one PDF's subset: not to be used by two threads at once). */
	TrueTypeFont face(boolean bold) {
		return bold ? this.bold : this.regular;
	}

	private static TrueTypeFont parse(byte[] font) {
		try {
			TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
			// read the tables every PDF needs now, once, rather than in the first PDF's layout
			parsed.getUnicodeCmapLookup();
			parsed.getHorizontalMetrics();
			return parsed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The font with its {@code GSUB} table's tag renamed in the table directory, so that no reader
	 * finds it; every other byte (and every offset) is unchanged.
	 */
	static byte[] withoutGlyphSubstitution(byte[] font) {
		byte[] copy = font.clone();
		int tables = ((copy[4] & 0xFF) << 8) | (copy[5] & 0xFF);
		byte[] gsub = "GSUB".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < tables; i++) {
			int record = 12 + 16 * i;
			if (copy[record] == gsub[0] && copy[record + 1] == gsub[1] && copy[record + 2] == gsub[2]
					&& copy[record + 3] == gsub[3]) {
				System.arraycopy("xSUB".getBytes(StandardCharsets.US_ASCII), 0, copy, record, 4);
			}
		}
		return copy;
	}

	private static byte[] resource(String name) {
		try (InputStream in = StatementFonts.class.getResourceAsStream("/fonts/" + name)) {
			if (in == null) {
				throw new IOException("police /fonts/" + name + " absente de l'application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
