package fr.cds.remuneration.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One of the statement's fonts as one PDF embeds it: a Type 0 font (Identity-H) over a TrueType
 * CID font holding the subset of the glyphs shown, with their widths and a {@code ToUnicode} map
 * (text extraction, screen readers). The text is written as the original font's glyph ids (the
 * CIDs) and the subset's {@code CIDToGIDMap} maps them to the subset's glyphs, as PDFBox's own
 * embedder does.
 * <p>
 * Written here rather than by PDFBox's {@code PDType0Font}: measured (issue 17, JFR of the direct
 * PDF writer), loading a {@code PDType0Font} for each PDF built the widths of all of DejaVu's 6,000
 * glyphs before subsetting them, 13 % of a PDF's CPU time. The widths, glyph ids and metrics here
 * are read once per process ({@link StatementFonts}).
 */
final class EmbeddedFont {

	private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
			"fpgm", "gasp");

	private final boolean bold;

	private final BitSet used = new BitSet(65536);

	EmbeddedFont(boolean bold) {
		this.bold = bold;
	}

	/** Appends the hexadecimal codes (4 digits a character) of {@code text}, and notes its characters as shown. */
	void encode(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			this.used.set(c);
			int gid = StatementFonts.glyph(this.bold, c);
			out.append(HEX[(gid >> 12) & 0xF]).append(HEX[(gid >> 8) & 0xF]).append(HEX[(gid >> 4) & 0xF])
				.append(HEX[gid & 0xF]);
		}
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** The font's dictionary, with the subset of the characters shown, for {@code document}. */
	COSDictionary write(PDDocument document, TrueTypeFont font) throws IOException {
		Set<Integer> characters = new TreeSet<>();
		for (int c = this.used.nextSetBit(0); c >= 0; c = this.used.nextSetBit(c + 1)) {
			characters.add(c);
		}
		TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
		subsetter.addAll(characters);
		Map<Integer, Integer> newToOld = subsetter.getGIDMap();
		ByteArrayOutputStream subset = new ByteArrayOutputStream(16 * 1024);
		subsetter.writeToStream(subset);
		StatementFonts.Metrics metrics = StatementFonts.metrics(this.bold);
		String name = tag(newToOld) + "+" + metrics.name();

		COSDictionary descriptor = new COSDictionary();
		descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
		descriptor.setName(COSName.FONT_NAME, name);
		descriptor.setInt(COSName.FLAGS, 32);
		COSArray bbox = new COSArray();
		for (float value : metrics.bbox()) {
			bbox.add(new COSFloat(value));
		}
		descriptor.setItem(COSName.FONT_BBOX, bbox);
		descriptor.setInt(COSName.ITALIC_ANGLE, 0);
		descriptor.setFloat(COSName.ASCENT, metrics.ascent());
		descriptor.setFloat(COSName.DESCENT, metrics.descent());
		descriptor.setFloat(COSName.CAP_HEIGHT, metrics.capHeight());
		descriptor.setInt(COSName.STEM_V, this.bold ? 120 : 80);
		descriptor.setItem(COSName.FONT_FILE2, stream(document, subset.toByteArray()));

		int maxOld = 0;
		for (int old : newToOld.values()) {
			maxOld = Math.max(maxOld, old);
		}
		byte[] cidToGid = new byte[(maxOld + 1) * 2];
		for (Map.Entry<Integer, Integer> entry : newToOld.entrySet()) {
			int old = entry.getValue();
			cidToGid[old * 2] = (byte) (entry.getKey() >> 8);
			cidToGid[old * 2 + 1] = (byte) (entry.getKey() & 0xFF);
		}

		COSDictionary cidFont = new COSDictionary();
		cidFont.setItem(COSName.TYPE, COSName.FONT);
		cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
		cidFont.setName(COSName.BASE_FONT, name);
		COSDictionary systemInfo = new COSDictionary();
		systemInfo.setString(COSName.REGISTRY, "Adobe");
		systemInfo.setString(COSName.ORDERING, "Identity");
		systemInfo.setInt(COSName.SUPPLEMENT, 0);
		systemInfo.setDirect(true);
		cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
		cidFont.setItem(COSName.FONT_DESC, descriptor);
		cidFont.setItem(COSName.W, widths());
		cidFont.setItem(COSName.CID_TO_GID_MAP, stream(document, cidToGid));

		COSDictionary type0 = new COSDictionary();
		type0.setItem(COSName.TYPE, COSName.FONT);
		type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
		type0.setName(COSName.BASE_FONT, name);
		type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
		COSArray descendants = new COSArray();
		descendants.add(cidFont);
		type0.setItem(COSName.DESCENDANT_FONTS, descendants);
		type0.setItem(COSName.TO_UNICODE, stream(document, toUnicode().getBytes(StandardCharsets.US_ASCII)));
		return type0;
	}

	/** {@code [cid [width] ...]} for every character shown, in thousandths of an em. */
	private COSArray widths() {
		COSArray widths = new COSArray();
		forEachGlyph((gid, c) -> {
			widths.add(COSInteger.get(gid));
			COSArray one = new COSArray();
			one.add(COSInteger.get(Math.round(StatementFonts.advance(this.bold, (char) c))));
			one.setDirect(true);
			widths.add(one);
		});
		widths.setDirect(true);
		return widths;
	}

	/**
	 * Each glyph shown, once, with the first character (in code order) that shows it: the widths and
	 * the ToUnicode map list a glyph once, and the characters the font lacks all share glyph 0.
	 */
	private void forEachGlyph(GlyphAction action) {
		BitSet done = new BitSet();
		for (int c = this.used.nextSetBit(0); c >= 0; c = this.used.nextSetBit(c + 1)) {
			int gid = StatementFonts.glyph(this.bold, (char) c);
			if (!done.get(gid)) {
				done.set(gid);
				action.accept(gid, c);
			}
		}
	}

	@FunctionalInterface
	private interface GlyphAction {

		void accept(int gid, int character);

	}

	private String toUnicode() {
		StringBuilder entries = new StringBuilder();
		int[] count = { 0 };
		StringBuilder out = new StringBuilder(1024);
		out.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
			.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
			.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
			.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
		forEachGlyph((gid, c) -> {
			entries.append('<').append(hex4(gid)).append("> <").append(hex4(c)).append(">\n");
			if (++count[0] == 100) {
				out.append(count[0]).append(" beginbfchar\n").append(entries).append("endbfchar\n");
				entries.setLength(0);
				count[0] = 0;
			}
		});
		if (count[0] > 0) {
			out.append(count[0]).append(" beginbfchar\n").append(entries).append("endbfchar\n");
		}
		out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
		return out.toString();
	}

	private static String hex4(int value) {
		return new String(new char[] { HEX[(value >> 12) & 0xF], HEX[(value >> 8) & 0xF], HEX[(value >> 4) & 0xF],
				HEX[value & 0xF] });
	}

	private static COSStream stream(PDDocument document, byte[] bytes) throws IOException {
		COSStream stream = document.getDocument().createCOSStream();
		try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(bytes);
		}
		return stream;
	}

	/** Six capital letters derived from the glyphs embedded (ISO 32000-1 §9.6.4): the same subset, the same tag. */
	private static String tag(Map<Integer, Integer> newToOld) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (int old : newToOld.values()) {
				digest.update((byte) (old >> 8));
				digest.update((byte) old);
			}
			byte[] hash = digest.digest();
			char[] tag = new char[6];
			for (int i = 0; i < 6; i++) {
				tag[i] = (char) ('A' + (hash[i] & 0xFF) % 26);
			}
			return new String(tag);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
