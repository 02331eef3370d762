package fr.cds.remuneration.engine;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Resolved;

/**
 * Days of the exercice the centre was open and conventioned, or, under a pro-rata by signature,
 * covered by its contract.
 */
final class Prorata {

	private Prorata() {
	}

	/**
	 * @param fullYearSignedBefore under {@link ProrataMethod#SIGNATURE}, a contract signed before
	 * this date counts from the first day of the exercice
	 */
	static ProrataResult of(Centre centre, int exercice, Resolved<ProrataMethod> method,
			Optional<LocalDate> fullYearSignedBefore) {
		LocalDate first = LocalDate.of(exercice, 1, 1);
		LocalDate last = LocalDate.of(exercice, 12, 31);
		LocalDate start = centre.activityStart();
		if (method.value() == ProrataMethod.SIGNATURE) {
			boolean exception = fullYearSignedBefore.filter(date -> centre.adhesion().isBefore(date)).isPresent();
			start = exception ? first : centre.adhesion();
		}
		LocalDate from = later(start, first);
		LocalDate to = centre.closing() == null ? last : earlier(centre.closing(), last);
		long daysOpen = to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
		return new ProrataResult(method.value(), from, to, daysOpen, Year.of(exercice).length(), method.status());
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
