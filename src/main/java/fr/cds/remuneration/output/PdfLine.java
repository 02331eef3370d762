package fr.cds.remuneration.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of text of the PDF statement: runs of one style each, measured with the embedded fonts'
 * own advance widths ({@link StatementFonts#advance}). {@link #wrap} breaks a paragraph's text
 * into lines as a browser does: whitespace collapsed, breaks at spaces only (the no-break spaces of
 * the amounts hold), a word wider than the line broken where it must ({@code word-wrap:
 * break-word}).
 */
record PdfLine(List<Run> runs, float width, float ascent, float height) {

	/** The style of a run of text: bold or not, size in points, colour, rise above the baseline. */
	record Style(boolean bold, float size, int rgb, float rise) {

		Style withBold(boolean value) {
			return new Style(value, this.size, this.rgb, this.rise);
		}

		Style withSize(float value) {
			return new Style(this.bold, value, this.rgb, this.rise);
		}

		Style withColor(int value) {
			return new Style(this.bold, this.size, value, this.rise);
		}

		Style withRise(float value) {
			return new Style(this.bold, this.size, this.rgb, value);
		}

	}

	/** Text of one style, with its width in points. */
	record Run(String text, Style style, float width) {
	}

	/** A piece of a paragraph's text as written in the page, whitespace not yet collapsed. */
	record Piece(String text, Style style) {
	}

	/** DejaVu Sans's ascent and descent, in ems (hhea: 1901 and 483 units of 2048). */
	static final float ASCENT = 1901f / 2048;

	static final float DESCENT = 483f / 2048;

	/**
	 * The height of a line of "normal" line height, in ems: what openhtmltopdf gave the statements'
	 * DejaVu Sans (measured on its PDFs: 14.5 pt between the lines of an 8.5 pt paragraph).
	 */
	static final float NORMAL = 1.7f;

	static float width(String text, Style style) {
		return width(text, 0, text.length(), style);
	}

	static float width(CharSequence text, int from, int to, Style style) {
		float thousandths = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			// a surrogate pair is one character, drawn once (EmbeddedFont): measured once
			if (Character.isLowSurrogate(c) && i > from && Character.isHighSurrogate(text.charAt(i - 1))) {
				continue;
			}
			thousandths += StatementFonts.advance(style.bold(), c);
		}
		return thousandths * style.size() / 1000f;
	}

	/**
	 * The lines of a paragraph.
	 *
	 * @param strut the paragraph's own style: a line is never lower than its font's
	 * @param lineHeight the line height in ems of each run's size ({@code line-height}), 0 for
	 * {@link #NORMAL}
	 * @param nowrap one line whatever its width
	 */
	static List<PdfLine> wrap(List<Piece> pieces, float maxWidth, Style strut, float lineHeight, boolean nowrap) {
		List<Word> words = words(pieces);
		List<PdfLine> lines = new ArrayList<>();
		List<Word> line = new ArrayList<>();
		float width = 0;
		for (Word word : words) {
			float spaced = line.isEmpty() ? word.width : word.spaceBefore + word.width;
			if (!nowrap && !line.isEmpty() && width + spaced > maxWidth) {
				lines.add(line(line, strut, lineHeight, true));
				line.clear();
				width = 0;
				spaced = word.width;
			}
			if (!nowrap && line.isEmpty() && word.width > maxWidth) {
				for (Word part : word.split(maxWidth)) {
					if (!line.isEmpty()) {
						lines.add(line(line, strut, lineHeight, false));
						line.clear();
					}
					line.add(part);
					width = part.width;
				}
				continue;
			}
			line.add(word);
			width += spaced;
		}
		if (!line.isEmpty()) {
			lines.add(line(line, strut, lineHeight, false));
		}
		return lines;
	}

	/** The narrowest width the pieces can take (their widest word) and their width on one line. */
	static float[] minMax(List<Piece> pieces) {
		float min = 0;
		float max = 0;
		boolean first = true;
		for (Word word : words(pieces)) {
			min = Math.max(min, word.width);
			max += first ? word.width : word.spaceBefore + word.width;
			first = false;
		}
		return new float[] { min, max };
	}

	/** A word: its parts (one per style), the width of the space before it. */
	private static final class Word {

		final List<Run> parts = new ArrayList<>(1);

		float width;

		float spaceBefore;

		Style spaceStyle;

		void add(String text, Style style) {
			float w = width(text, style);
			int last = this.parts.size() - 1;
			if (last >= 0 && this.parts.get(last).style().equals(style)) {
				Run previous = this.parts.get(last);
				this.parts.set(last, new Run(previous.text() + text, style, previous.width() + w));
			}
			else {
				this.parts.add(new Run(text, style, w));
			}
			this.width += w;
		}

		/** The word in pieces no wider than {@code maxWidth} (at least one character each). */
		List<Word> split(float maxWidth) {
			List<Word> out = new ArrayList<>();
			Word current = new Word();
			current.spaceBefore = this.spaceBefore;
			current.spaceStyle = this.spaceStyle;
			for (Run part : this.parts) {
				for (int i = 0; i < part.text().length(); i += Character.charCount(part.text().codePointAt(i))) {
					// a character at a time, a surrogate pair never cut in two
					String c = part.text().substring(i, i + Character.charCount(part.text().codePointAt(i)));
					float w = width(c, part.style());
					if (current.width > 0 && current.width + w > maxWidth) {
						out.add(current);
						current = new Word();
					}
					current.add(c, part.style());
				}
			}
			out.add(current);
			return out;
		}

	}

	private static List<Word> words(List<Piece> pieces) {
		List<Word> words = new ArrayList<>();
		Word current = null;
		boolean space = false;
		Style spaceStyle = null;
		for (Piece piece : pieces) {
			String text = piece.text();
			int start = 0;
			for (int i = 0; i <= text.length(); i++) {
				boolean end = i == text.length();
				char c = end ? 0 : text.charAt(i);
				boolean white = !end && (c == ' ' || c == '\n' || c == '\t' || c == '\r');
				if (end || white) {
					if (i > start) {
						if (current == null || space) {
							Word word = new Word();
							if (current != null) {
								word.spaceStyle = spaceStyle;
								word.spaceBefore = width(" ", spaceStyle);
							}
							words.add(word);
							current = word;
							space = false;
						}
						current.add(text.substring(start, i), piece.style());
					}
					if (white && !space) {
						space = true;
						spaceStyle = piece.style();
					}
					start = i + 1;
				}
			}
		}
		return words;
	}

	/**
	 * @param broken the line ends where a space was: the space is kept at its end (not measured), so
	 * that the text extracted from the PDF, and read aloud, keeps the words apart
	 */
	private static PdfLine line(List<Word> words, Style strut, float lineHeight, boolean broken) {
		List<Run> runs = new ArrayList<>();
		float width = 0;
		for (int w = 0; w < words.size(); w++) {
			Word word = words.get(w);
			for (int p = 0; p < word.parts.size(); p++) {
				Run part = word.parts.get(p);
				String text = part.text();
				float partWidth = part.width();
				if (p == 0 && w > 0) {
					// the space joins the previous run when the style is the same
					int last = runs.size() - 1;
					Run previous = runs.get(last);
					if (previous.style().equals(word.spaceStyle)) {
						runs.set(last, new Run(previous.text() + " ", previous.style(), previous.width() + word.spaceBefore));
					}
					else {
						runs.add(new Run(" ", word.spaceStyle, word.spaceBefore));
					}
					width += word.spaceBefore;
				}
				int last = runs.size() - 1;
				if (last >= 0 && runs.get(last).style().equals(part.style())) {
					Run previous = runs.get(last);
					runs.set(last, new Run(previous.text() + text, part.style(), previous.width() + partWidth));
				}
				else {
					runs.add(new Run(text, part.style(), partWidth));
				}
				width += partWidth;
			}
		}
		if (broken && !runs.isEmpty()) {
			Run last = runs.get(runs.size() - 1);
			runs.set(runs.size() - 1, new Run(last.text() + " ", last.style(), last.width()));
		}
		float above = above(strut, lineHeight);
		float below = below(strut, lineHeight);
		for (Run run : runs) {
			above = Math.max(above, above(run.style(), lineHeight) + run.style().rise());
			below = Math.max(below, below(run.style(), lineHeight) - run.style().rise());
		}
		return new PdfLine(runs, width, above, above + below);
	}

	private static float halfLeading(Style style, float lineHeight) {
		return ((lineHeight == 0 ? NORMAL : lineHeight) - ASCENT - DESCENT) * style.size() / 2;
	}

	private static float above(Style style, float lineHeight) {
		return ASCENT * style.size() + halfLeading(style, lineHeight);
	}

	private static float below(Style style, float lineHeight) {
		return DESCENT * style.size() + halfLeading(style, lineHeight);
	}

}
