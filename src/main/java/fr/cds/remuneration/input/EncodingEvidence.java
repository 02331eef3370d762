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
		if (notText()) {
			return Optional.of(new InputFileScan.Problem(1,
					"le fichier est en UTF-16 (ou n'est pas un fichier texte) : enregistrez-le en UTF-8"));
		}
		if (declared == InputEncoding.UTF_8) {
			return this.utf8Valid ? Optional.empty() : Optional.of(notUtf8());
		}
		if (this.unmapped > 0) {
			return Optional.of(new InputFileScan.Problem(this.unmappedLine, "encodage déclaré " + declared.label()
					+ " mais l'octet " + hex(this.unmappedByte) + " (position " + this.unmappedColumn + " de la ligne) n'est"
					+ " pas un caractère de cet encodage : le fichier est endommagé ou dans un autre encodage ; exportez-le"
					+ " de nouveau en UTF-8"));
		}
		if (this.utf8Valid && this.nonAscii > 0) {
			return Optional.of(new InputFileScan.Problem(this.firstNonAsciiLine, "encodage déclaré " + declared.label()
					+ " mais le fichier est en UTF-8 valide : le lire en " + declared.label() + " abîmerait ses accents ;"
					+ " relancez sans --input-encoding"));
		}
		return Optional.empty();
	}

	/** A UTF-16 byte-order mark, or NUL bytes enough to be UTF-16 or binary: not a text file to read. */
	boolean notText() {
		return this.firstBytes == 0xFFFE || this.firstBytes == 0xFEFF || this.nulBytes * 4 > this.size;
	}

	private InputFileScan.Problem notUtf8() {
		String where = "pas en UTF-8 valide : octet " + hex(this.invalidByte) + " en position " + this.invalidColumn
				+ " de la ligne";
		if (this.unmapped == 0 && this.notFrenchLike == 0) {
			return new InputFileScan.Problem(this.invalidLine, where + ". Il semble en Windows-1252/Latin-1 : ses "
					+ this.nonAscii + " octet(s) non ASCII se lisent tous comme du texte français dans cet encodage (le"
					+ " premier, ligne " + this.firstNonAsciiLine + ", comme '" + this.firstAsWindows1252 + "')."
					+ " Convertissez-le en UTF-8, ou déclarez son encodage avec --input-encoding windows-1252");
		}
		return new InputFileScan.Problem(this.invalidLine, where + ", et il ne se lit pas non plus comme du texte"
				+ " Windows-1252/Latin-1 : le fichier est endommagé ou dans un autre encodage ; exportez-le de nouveau en"
				+ " UTF-8");
	}

	private static String hex(int b) {
		return String.format("0x%02X", b);
	}

}
