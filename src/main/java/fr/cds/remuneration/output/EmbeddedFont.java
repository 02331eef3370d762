package fr.cds.remuneration.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
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

	/**
	 * Characters written with a code of their own rather than their glyph id (in the order met, from
	 * the font's glyph count up): a character the font lacks (CJK, an emoji, a lone surrogate: all
	 * drawn with the missing glyph) or one drawn with the glyph of a lower character. With one code
	 * per glyph, {@code ToUnicode} gave all of them the first one's text: "中文" was extracted and
	 * read aloud as "中中".
	 */
	private final Map<Integer, Integer> ownCodes = new LinkedHashMap<>();

	/** Appends the hexadecimal codes (4 digits a character, a surrogate pair being one character) of {@code text}, and notes its characters as shown. */
	void encode(String text, StringBuilder out) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			int code = code(c);
			out.append(HEX[(code >> 12) & 0xF]).append(HEX[(code >> 8) & 0xF]).append(HEX[(code >> 4) & 0xF])
				.append(HEX[code & 0xF]);
		}
	}

	/** The code (CID) {@code c} is written with: its glyph id when it is that glyph's lowest character, else its own. */
	private int code(int c) {
		int gid = glyph(c);
		if (gid != 0 && StatementFonts.primary(this.bold, gid) == c) {
			this.used.set(c);
			return gid;
		}
		Integer own = this.ownCodes.get(c);
		if (own == null) {
			own = StatementFonts.glyphCount(this.bold) + this.ownCodes.size();
			if (own > 0xFFFF) {
				// more distinct missing characters than two-byte codes: shown, but read as the last one given
				return 0xFFFF;
			}
			this.ownCodes.put(c, own);
		}
		return own;
	}

	/** The glyph id of a code point: 0 (the missing glyph) outside the BMP and for a lone surrogate. */
	private int glyph(int c) {
		return c <= 0xFFFF && !Character.isSurrogate((char) c) ? StatementFonts.glyph(this.bold, (char) c) : 0;
	}

	/** The advance width of a code point's glyph, in thousandths of an em. */
	private float advance(int c) {
		// a surrogate has no glyph in any font: its advance is the missing glyph's
		return StatementFonts.advance(this.bold, c <= 0xFFFF ? (char) c : '\uD800');
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** The font's dictionary, with the subset of the characters shown, for {@code document}. */
	COSDictionary write(PDDocument document, TrueTypeFont font) throws IOException {
		Set<Integer> characters = new TreeSet<>();
		for (int c = this.used.nextSetBit(0); c >= 0; c = this.used.nextSetBit(c + 1)) {
			characters.add(c);
		}
		for (int c : this.ownCodes.keySet()) {
			if (glyph(c) != 0) {
				characters.add(c);
			}
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
		for (int own : this.ownCodes.values()) {
			maxOld = Math.max(maxOld, own);
		}
		byte[] cidToGid = new byte[(maxOld + 1) * 2];
		Map<Integer, Integer> oldToNew = new java.util.HashMap<>();
		for (Map.Entry<Integer, Integer> entry : newToOld.entrySet()) {
			int old = entry.getValue();
			oldToNew.put(old, entry.getKey());
			cidToGid[old * 2] = (byte) (entry.getKey() >> 8);
			cidToGid[old * 2 + 1] = (byte) (entry.getKey() & 0xFF);
		}
		for (Map.Entry<Integer, Integer> entry : this.ownCodes.entrySet()) {
			int newGid = oldToNew.getOrDefault(glyph(entry.getKey()), 0);
			cidToGid[entry.getValue() * 2] = (byte) (newGid >> 8);
			cidToGid[entry.getValue() * 2 + 1] = (byte) (newGid & 0xFF);
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
		List<Code> codes = codes();
		cidFont.setItem(COSName.W, widths(codes));
		cidFont.setItem(COSName.CID_TO_GID_MAP, stream(document, cidToGid));

		COSDictionary type0 = new COSDictionary();
		type0.setItem(COSName.TYPE, COSName.FONT);
		type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
		type0.setName(COSName.BASE_FONT, name);
		type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
		COSArray descendants = new COSArray();
		descendants.add(cidFont);
		type0.setItem(COSName.DESCENDANT_FONTS, descendants);
		type0.setItem(COSName.TO_UNICODE, stream(document, toUnicode(codes).getBytes(StandardCharsets.US_ASCII)));
		return type0;
	}

	/** A code written in the PDF: its CID, its glyph's advance (thousandths of an em), the text it stands for. */
	private record Code(int cid, float advance, String text) {
	}

	/**
	 * Every code written, once, in the order the widths and the ToUnicode map list them: the glyph ids
	 * of the characters shown (a glyph's lowest character), then the characters' own codes.
	 */
	private List<Code> codes() {
		List<Code> codes = new ArrayList<>();
		for (int c = this.used.nextSetBit(0); c >= 0; c = this.used.nextSetBit(c + 1)) {
			codes.add(new Code(StatementFonts.glyph(this.bold, (char) c), StatementFonts.advance(this.bold, (char) c),
					String.valueOf((char) c)));
		}
		for (Map.Entry<Integer, Integer> entry : this.ownCodes.entrySet()) {
			int c = entry.getKey();
			// a lone surrogate is no character: read as U+FFFD, the replacement character
			String text = Character.isSurrogate((char) c) && c <= 0xFFFF ? "\uFFFD" : new String(Character.toChars(c));
			codes.add(new Code(entry.getValue(), advance(c), text));
		}
		return codes;
	}

	/** {@code [cid [width] ...]} for every code written, in thousandths of an em. */
	private COSArray widths(List<Code> codes) {
		COSArray widths = new COSArray();
		for (Code code : codes) {
			widths.add(COSInteger.get(code.cid()));
			COSArray one = new COSArray();
			one.add(COSInteger.get(Math.round(code.advance())));
			one.setDirect(true);
			widths.add(one);
		}
		widths.setDirect(true);
		return widths;
	}

	private static String toUnicode(List<Code> codes) {
		StringBuilder entries = new StringBuilder();
		int count = 0;
		StringBuilder out = new StringBuilder(1024);
		out.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
			.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
			.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
			.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
		for (Code code : codes) {
			entries.append('<').append(hex4(code.cid())).append("> <");
			for (int k = 0; k < code.text().length(); k++) {
				entries.append(hex4(code.text().charAt(k)));
			}
			entries.append(">\n");
			if (++count == 100) {
				out.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
				entries.setLength(0);
				count = 0;
			}
		}
		if (count > 0) {
			out.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
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
