package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;

/**
 * The médecin-traitant forfait (FPMT until 2025, FMT from 2026): euros per patient who declared a
 * doctor of the centre as médecin traitant, by category of patient, computed from the patient
 * extract. A payment stream of its own, outside the forfait and its socle gate.
 *
 * @param categories every médecin-traitant patient falls in exactly one (the loader checks it)
 * @param supplements amounts added on top of the category for the patients they select (FMT: C2S)
 * @param precarity uplift of the category lines by the share of C2S patients, dated; may be empty
 */
public record MedecinTraitantRule(String code, String label, Set<CentreType> types, ExercicePeriod validity,
		String textId, List<PatientCategory> categories, List<PatientCategory> supplements,
		Timeline<MtPrecarityUplift> precarity) implements PaymentRule {
}
