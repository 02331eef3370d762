package fr.cds.remuneration.rules.model;

import java.time.LocalDate;

/**
 * An accord or avenant: when it was signed, approved and published, and the first exercice it
 * governs (which may precede its publication: avenant 5, published in 2024, changed 2023). A date
 * that no source states is {@code null} (written {@code unknown} in the rule data).
 */
public record LegalText(String id, String title, LocalDate signed, LocalDate approved, LocalDate published,
		int firstExercice, Provenance provenance) {

	/** The latest known step of the text's adoption: publication, else approval, else signature. */
	public LocalDate latestKnownDate() {
		return this.published != null ? this.published : this.approved != null ? this.approved : this.signed;
	}

}
