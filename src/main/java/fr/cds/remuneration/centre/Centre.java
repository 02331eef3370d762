package fr.cds.remuneration.centre;

import java.time.LocalDate;

/**
 * A centre as declared for one exercice: identity, type, location, dates and staff.
 *
 * @param adhesion date the centre joined the Accord national (start of conventioned activity)
 * @param opening date the centre opened
 * @param closing date the centre closed, or {@code null} if still open
 */
public record Centre(Finess finess, String name, CentreType type, Region region, LocalDate adhesion,
		LocalDate opening, LocalDate closing, Zone zone, StaffFte staff) {

	/** First day of conventioned activity: the later of opening and adhesion. */
	public LocalDate activityStart() {
		return this.opening.isAfter(this.adhesion) ? this.opening : this.adhesion;
	}

}
