package fr.cds.remuneration.output;

import java.time.LocalDate;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.LegalText;

/**
 * The most recent accord or avenant governing an exercice, as every output names it: a centre, a
 * federation or the payer must be able to tell which text a figure was computed under.
 *
 * @param id the text's identifier in the rule data ({@code avenant-5}), for machine-read files
 * @param published publication date, or {@code null} when unknown
 */
public record LatestText(String id, String title, LocalDate published) {

	public static LatestText of(LegalText text) {
		return new LatestText(text.id(), text.title(), text.published());
	}

	/** {@code Avenant 5 (publié le 15/03/2024)}. */
	public String label() {
		return this.title + (this.published == null ? "" : " (publié le " + FrenchFormat.date(this.published) + ")");
	}

}
