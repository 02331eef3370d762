package fr.cds.remuneration.engine;

import java.time.LocalDate;

import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * The part of the exercice the centre was open and conventioned, which scales every line.
 *
 * @param from first day counted
 * @param to last day counted
 */
public record ProrataResult(ProrataMethod method, LocalDate from, LocalDate to, long daysOpen, long daysInExercice,
		ValueStatus status) {

	public boolean isFullYear() {
		return this.method == ProrataMethod.NONE || this.daysOpen == this.daysInExercice;
	}

}
