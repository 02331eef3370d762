package fr.cds.remuneration.run;

import java.util.Optional;

/**
 * A run that is no longer the holder of its exercice's lease (another launch took it over after it
 * stopped renewing it): it stops before writing any payment, and its command exits 6.
 */
public class LeaseLostException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LeaseLostException(int exercice, Optional<ExerciceLease.Holder> newHolder) {
		super("Ce run n'a plus le bail de l'exercice " + exercice
				+ newHolder.map(h -> " : il a été repris par " + LeaseText.holder(h)).orElse(" : il a été repris")
				+ ". Arrêt avant tout paiement, rien n'a été payé par ce run ; le nouveau détenteur reprend"
				+ " l'exécution interrompue. Vérifiez avec 'runs'.");
	}

}
