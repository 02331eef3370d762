package fr.cds.remuneration.centre;

import java.util.Arrays;
import java.util.Optional;

/**
 * Salaried staff categories of a centre. Which ones count as "health professionals" for
 * per-professional points is rule data ({@code health_professions}), not decided here.
 */
public enum Profession {

	MEDECIN_GENERALISTE("medecin_generaliste", "médecin généraliste"),
	MEDECIN_AUTRE("medecin_autre", "autre médecin"),
	INFIRMIER("infirmier", "infirmier"),
	CHIRURGIEN_DENTISTE("chirurgien_dentiste", "chirurgien-dentiste"),
	SAGE_FEMME("sage_femme", "sage-femme"),
	MASSEUR_KINESITHERAPEUTE("masseur_kinesitherapeute", "masseur-kinésithérapeute"),
	IPA("ipa", "infirmier en pratique avancée"),
	AUTRE_PROFESSIONNEL_SANTE("autre_professionnel_sante", "autre professionnel de santé"),
	ASSISTANT_MEDICAL("assistant_medical", "assistant médical"),
	MEDIATEUR_SANTE("mediateur_sante", "médiateur en santé"),
	ADMINISTRATIF("administratif", "personnel administratif");

	private final String column;

	private final String label;

	Profession(String column, String label) {
		this.column = column;
		this.label = label;
	}

	/** Suffix of the FTE column in centres.csv ({@code etp_<column>}). */
	public String column() {
		return this.column;
	}

	public String label() {
		return this.label;
	}

	public static Optional<Profession> fromName(String name) {
		return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
	}

}
