package fr.cds.remuneration.annual;

import fr.cds.remuneration.centre.Finess;

/**
 * A centre's statement rendered and ready to be written: the CSV, the HTML page and, when asked,
 * the PDF made from that page.
 *
 * @param finess the validated FINESS that names the files
 * @param pdf the PDF, or {@code null} when the run writes none
 */
public record RenderedStatement(String finess, byte[] csv, byte[] html, byte[] pdf) {

	/** The name of the files comes from here: a FINESS that is not nine valid characters never names one. */
	public RenderedStatement {
		finess = new Finess(finess).value();
	}

}
