package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;

/**
 * A category of médecin-traitant patients and what the forfait pays per patient in it, dated by
 * exercice (FPMT: 42 € for ALD or 80 and over until 2023, 46 € from 2024).
 *
 * @param validity exercices the category exists (its amounts may change inside it)
 * @param euros euros per patient and year
 */
public record PatientCategory(String code, String label, PatientSelector patients, ExercicePeriod validity,
		String textId, Timeline<BigDecimal> euros) {
}
