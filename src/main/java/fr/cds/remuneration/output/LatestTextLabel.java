package fr.cds.remuneration.output;

import java.time.LocalDate;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.LegalText;

/**
 * How every output names the latest accord or avenant that governs the exercice, e.g.
 * {@code Avenant 5 (publié le 15/03/2024)}: the same words on statements, summaries and reports.
 */
public final class LatestTextLabel {

	private LatestTextLabel() {
	}

	public static String of(LegalText text) {
		return of(text.title(), text.published());
	}

	public static String of(String title, LocalDate published) {
		return title + (published == null ? "" : " (publié le " + FrenchFormat.date(published) + ")");
	}

}
