package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.Set;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.model.PatientBase;
import fr.cds.remuneration.rules.model.Unit;

/**
 * What the component evaluators read about a centre: its data and the bases the rules of the
 * exercice designate (the type's patient list, the team active list, health professionals).
 */
record CentreFacts(Centre centre, Declaration declaration, PopulationCounts patients, PopulationCounts team,
		Set<Profession> healthProfessions, BigDecimal healthProfessionalFte, Unit unit) {

	long patientCount(PatientBase base) {
		return base == PatientBase.FILE_ACTIVE_EQUIPE ? this.team.patients() : this.patients.count(base);
	}

	BigDecimal fte(Set<Profession> professions) {
		return professions.isEmpty() ? this.healthProfessionalFte : this.centre.staff().sum(professions);
	}

}
