package fr.cds.remuneration.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * How the non-ASCII bytes of a file read in Windows-1252, counted as an {@link InputFileScan} meets
 * them: a file exported from a spreadsheet in Windows-1252/Latin-1 is recognised when every one
 * reads as a letter or a typographic mark of French text. Only non-ASCII bytes come here.
 */
final class Windows1252Reading {

	/** Non-ASCII characters that Windows-1252 French text holds besides letters. */
	private static final String FRENCH_MARKS = "’‘“”«»€°–—…•·²³µ§©®\u00A0";

	private static final char[] WINDOWS_1252 = highHalf(InputEncoding.WINDOWS_1252.charset());

	long nonAscii;

	long firstNonAsciiLine;

	char firstAsWindows1252;

	/** Bytes that Windows-1252 does not map, and mapped ones that French text would not hold. */
	long unmapped;

	long unmappedLine;

	long unmappedColumn;

	int unmappedByte;

	long notFrenchLike;

	/** A byte at or above 0x80, at {@code column} (from 1) of {@code line}. */
	void count(int b, long line, long column) {
		this.nonAscii++;
		char c = WINDOWS_1252[b - 0x80];
		if (this.nonAscii == 1) {
			this.firstNonAsciiLine = line;
			this.firstAsWindows1252 = c;
		}
		if (c == '\uFFFD') {
			if (this.unmapped++ == 0) {
				this.unmappedLine = line;
				this.unmappedColumn = column;
				this.unmappedByte = b;
			}
		}
		else if (!Character.isLetter(c) && FRENCH_MARKS.indexOf(c) < 0) {
			this.notFrenchLike++;
		}
	}

	/** How {@code charset} reads each byte from 0x80 to 0xFF ({@code U+FFFD} when it does not). */
	private static char[] highHalf(Charset charset) {
		char[] chars = new char[128];
		for (int b = 0x80; b <= 0xFF; b++) {
			try {
				chars[b - 0x80] = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(new byte[] { (byte) b }))
					.charAt(0);
			}
			catch (CharacterCodingException ex) {
				chars[b - 0x80] = '\uFFFD';
			}
		}
		return chars;
	}

}
