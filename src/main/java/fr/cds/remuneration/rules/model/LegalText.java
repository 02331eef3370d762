package fr.cds.remuneration.rules.model;

import java.time.LocalDate;

/**
 * An accord or avenant: when it was signed, approved and published, and the first exercice it
 * governs (which may precede its publication: avenant 5, published in 2024, changed 2023).
 */
public record LegalText(String id, String title, LocalDate signed, LocalDate approved, LocalDate published,
		int firstExercice, Provenance provenance) {
}
