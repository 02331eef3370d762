package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.ExercicePayments.ContractAid;
import fr.cds.remuneration.rules.model.AidMaintenance;

/**
 * Whether an aid is maintained beyond its contract year for this centre: its measure against the
 * run's national threshold, with the sentence the statement prints (the measure, the threshold, the
 * percentile, the size of the distribution), so that the amount explains itself.
 */
record AidMaintenanceCheck(boolean maintained, String explanation) {

	static AidMaintenanceCheck of(ContractAid aid, CentreInputs inputs) {
		AidMaintenance rule = aid.maintenance().orElseThrow().value();
		String percentile = "P" + FrenchFormat.compact(rule.percentile(), 2);
		String head = "maintien au-delà de l'année " + rule.afterYear() + " du contrat si le centre est au seuil national "
				+ percentile + " ou au-dessus (" + rule.measure().label() + " de " + professions(rule) + ")";
		Optional<PeerThresholds.Threshold> threshold = inputs.thresholds().of(aid.rule().code());
		if (threshold.isEmpty() || threshold.get().value() == null) {
			return new AidMaintenanceCheck(false, head + " : seuil national inconnu hors du calcul annuel (il se"
					+ " calcule sur tous les centres de la campagne), aide non maintenue dans ce calcul");
		}
		BigDecimal value = threshold.get().value();
		String seuil = "seuil " + percentile + " = " + FrenchFormat.compact(value, PeerMeasures.SCALE) + " sur "
				+ FrenchFormat.integer(threshold.get().centres()) + " centres du calcul";
		Optional<BigDecimal> measure = PeerMeasures.of(rule, inputs.centre(), inputs.patients());
		if (measure.isEmpty()) {
			return new AidMaintenanceCheck(false, head + " : le centre n'a pas de mesure (aucun ETP ou aucun patient"
					+ " médecin traitant), " + seuil + " : aide non maintenue");
		}
		boolean above = measure.get().compareTo(value) >= 0;
		return new AidMaintenanceCheck(above, head + " : centre " + FrenchFormat.compact(measure.get(), PeerMeasures.SCALE)
				+ (above ? " ≥ " : " < ") + seuil + " : aide " + (above ? "maintenue" : "non maintenue"));
	}

	private static String professions(AidMaintenance rule) {
		return rule.professions().stream().sorted().map(Profession::label).collect(Collectors.joining(" ou "));
	}

}
