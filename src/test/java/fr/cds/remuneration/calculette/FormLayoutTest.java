package fr.cds.remuneration.calculette;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculette's form is generated from the rules of the exercice, not written by hand: the
 * indicators of the exercice and type with a widget for their answer type, and only the staff,
 * patient counts, dates and zone the rules of the exercice (or of the next one, for the
 * comparison) read.
 */
class FormLayoutTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	@Test
	void theIndicatorsAreThoseOfTheExerciceAndType() {
		// SAS_EFFECTION exists for 2022 only (deleted by avenant 5); CRISE_PLAN joins the socle in 2023
		FormLayout polyvalent2022 = layout(2022, CentreType.POLYVALENT);
		FormLayout polyvalent2023 = layout(2023, CentreType.POLYVALENT);
		assertThat(names(polyvalent2022.optional())).contains("SAS_EFFECTION", "CRISE_PLAN");
		assertThat(names(polyvalent2023.optional())).doesNotContain("SAS_EFFECTION", "CRISE_PLAN");
		assertThat(names(polyvalent2023.socle())).containsExactly("ACCES_HORAIRES", "COORDINATION", "SI_STANDARD",
				"CRISE_PLAN");
		// a nursing centre answers its own access indicator, not the opening hours; no protocols
		FormLayout nursing = layout(2024, CentreType.INFIRMIER);
		assertThat(names(nursing.socle())).containsExactly("ACCES_SOINS_INFIRMIERS", "COORDINATION", "SI_STANDARD",
				"CRISE_PLAN");
		assertThat(names(nursing.optional())).doesNotContain("PROTOCOLES", "ACCES_HORAIRES");
		// the nursing supplement is computed, not declared
		assertThat(layout(2024, CentreType.POLYVALENT).automatic())
			.containsExactly("Supplément infirmier des centres polyvalents");
	}

	@Test
	void eachAnswerTypeHasItsWidget() {
		FormLayout dental = layout(2024, CentreType.DENTAIRE);
		FormLayout.AnswerField quality = field(dental, "DEMARCHE_QUALITE");
		assertThat(quality.options()).extracting(FormLayout.Option::value).containsExactly("", "0", "1", "2", "3");
		FormLayout.AnswerField vulnerable = field(dental, "PUBLICS_VULNERABLES");
		assertThat(vulnerable.options()).extracting(FormLayout.Option::value).containsExactly("", "0", "1", "2");
		FormLayout.AnswerField coordination = field(dental, "COORDINATION");
		assertThat(coordination.options()).extracting(FormLayout.Option::value).containsExactly("", "oui", "non");
		// a count, with the minimum of avenant 5 (3 interventions from 2024) in its help
		FormLayout.AnswerField outreach = field(dental, "COORDINATION_EXTERNE_DENTAIRE");
		assertThat(outreach.isCount()).isTrue();
		assertThat(outreach.hint()).contains("atteint à partir de 3");
		assertThat(field(layout(2024, CentreType.POLYVALENT), "TELEMEDECINE").hint())
			.contains("condition : le centre emploie : infirmier");
	}

	@Test
	void onlyWhatTheRulesReadIsAsked() {
		// 2024, compared with 2025 (same accord): a dental centre's file active with its C2S and AME
		// (the precarity uplift), no zone, no team list, the health professions only
		FormLayout dental = layout(2024, CentreType.DENTAIRE);
		assertThat(dental.comparedWith()).isEqualTo(2025);
		assertThat(dental.counts()).extracting(FormLayout.CountGroup::legend)
			.containsExactly("File active (au moins un contact dans l'année)");
		assertThat(dental.countFields()).extracting(FormLayout.Field::name)
			.containsExactly("patients_file_active", "c2s_file_active", "ame_file_active");
		assertThat(dental.zone()).isNull();
		assertThat(dental.staff()).extracting(FormLayout.Field::name)
			.containsExactly("etp_medecin_generaliste", "etp_medecin_autre", "etp_infirmier", "etp_chirurgien_dentiste",
					"etp_sage_femme", "etp_masseur_kinesitherapeute", "etp_ipa", "etp_autre_professionnel_sante");
		assertThat(dental.dates()).extracting(FormLayout.Field::name)
			.containsExactly("date_adhesion", "date_ouverture", "date_fermeture");

		// 2025, compared with 2026: what only the 2025 accord reads is asked for the comparison
		FormLayout medical = layout(2025, CentreType.MEDICAL);
		String onlyNext = "sert seulement à la comparaison avec l'exercice 2026";
		assertThat(medical.zone().hint()).isEqualTo(onlyNext);
		assertThat(medical.countFields()).filteredOn(f -> f.hint().equals(onlyNext))
			.extracting(FormLayout.Field::name)
			.containsExactly("ald_medecin_traitant", "handicap_medecin_traitant", "patients_file_active_equipe");
		assertThat(medical.countFields()).filteredOn(f -> f.hint().isEmpty())
			.extracting(FormLayout.Field::name)
			.containsExactly("patients_medecin_traitant", "c2s_medecin_traitant", "ame_medecin_traitant");

		// the 2025 accord without a next exercice: the zone (demographic aid) and every count are read
		// by its own rules
		FormLayout medical2026 = FormLayout.of(RULES.rulesFor(2026, Optional.empty()), Optional.empty(),
				CentreType.MEDICAL);
		assertThat(medical2026.comparedWith()).isNull();
		assertThat(medical2026.zone().hint()).isEmpty();
		assertThat(medical2026.countFields()).allSatisfy(f -> assertThat(f.hint()).isEmpty());
	}

	@Test
	void theNewCentreDerogationIsAskedFromItsFirstExercice() {
		// new_centre_declaration is dated from 2017 (avenant 1)
		assertThat(layout(2016, CentreType.MEDICAL).newCentre()).isNull();
		assertThat(layout(2017, CentreType.MEDICAL).newCentre().name()).isEqualTo("NOUVEAU_CENTRE");
	}

	private static FormLayout layout(int exercice, CentreType type) {
		ExerciceRules rules = RULES.rulesFor(exercice, Optional.empty());
		return FormLayout.of(rules, Optional.of(RULES.rulesFor(exercice + 1, Optional.empty())), type);
	}

	private static FormLayout.AnswerField field(FormLayout layout, String code) {
		return layout.answers().stream().filter(f -> f.name().equals(code)).findFirst().orElseThrow();
	}

	private static List<String> names(List<FormLayout.AnswerField> fields) {
		return fields.stream().map(FormLayout.AnswerField::name).toList();
	}

}
