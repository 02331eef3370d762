package fr.cds.remuneration.input;

import java.util.Optional;

/**
 * What an {@link InputFileScan} found in a file's bytes about its encoding, and what follows for an
 * encoding declared by the operator: the file's line, the byte and the likely encoding, never the
 * content around it (the patient extract's lines hold patient identifiers).
 *
 * @param firstBytes the file's first two bytes (a UTF-16 byte-order mark)
 * @param size the bytes of the file
 * @param invalidLine where the first byte that breaks UTF-8 is ({@code utf8Valid} false)
 * @param unmapped bytes that Windows-1252 does not map; the first one and where it is
 * @param nonAscii bytes at or above 0x80; the line of the first one, and how Windows-1252 reads it
 * @param notFrenchLike non-ASCII bytes that Windows-1252 maps to neither a letter nor a typographic
 * mark of French text
 */
record EncodingEvidence(int firstBytes, long nulBytes, long size, boolean utf8Valid, long invalidLine,
		long invalidColumn, int invalidByte, long unmapped, long unmappedLine, long unmappedColumn, int unmappedByte,
		long nonAscii, long firstNonAsciiLine, char firstAsWindows1252, long notFrenchLike) {

	/** What prevents reading the file in {@code declared}, if anything. */
	Optional<InputFileScan.Problem> problem(InputEncoding declared) {
		if (this.firstBytes == 0xFFFE || this.firstBytes == 0xFEFF || this.nulBytes * 4 > this.size) {
			return Optional.of(new InputFileScan.Problem(1,
					"the file is in UTF-16 (or is not a text file): save it as UTF-8"));
		}
		if (declared == InputEncoding.UTF_8) {
			return this.utf8Valid ? Optional.empty() : Optional.of(notUtf8());
		}
		if (this.unmapped > 0) {
			return Optional.of(new InputFileScan.Problem(this.unmappedLine, "declared " + declared.label() + " but "
					+ hex(this.unmappedByte) + " (byte " + this.unmappedColumn + " of the line) is not a character of"
					+ " that encoding: the file is damaged or in another encoding; export it again in UTF-8"));
		}
		if (this.utf8Valid && this.nonAscii > 0) {
			return Optional.of(new InputFileScan.Problem(this.firstNonAsciiLine, "declared " + declared.label()
					+ " but the file is valid UTF-8: reading it as " + declared.label() + " would garble its accents;"
					+ " launch without --input-encoding"));
		}
		return Optional.empty();
	}

	private InputFileScan.Problem notUtf8() {
		String where = "not valid UTF-8: " + hex(this.invalidByte) + " at byte " + this.invalidColumn + " of the line";
		if (this.unmapped == 0 && this.notFrenchLike == 0) {
			return new InputFileScan.Problem(this.invalidLine, where + ". It looks like Windows-1252/Latin-1: its "
					+ this.nonAscii + " non-ASCII byte(s) all read as French text in that encoding (the first, on line "
					+ this.firstNonAsciiLine + ", as '" + this.firstAsWindows1252 + "'). Convert it to UTF-8, or declare"
					+ " it with --input-encoding windows-1252");
		}
		return new InputFileScan.Problem(this.invalidLine, where + ", and it does not read as Windows-1252/Latin-1 text"
				+ " either: the file is damaged or in another encoding; export it again in UTF-8");
	}

	private static String hex(int b) {
		return String.format("byte 0x%02X", b);
	}

}
