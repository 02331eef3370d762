package fr.cds.remuneration.run;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The holder of an exercice's lease, in French, for the operators' messages and 'runs'. */
public final class LeaseText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private LeaseText() {
	}

	/** "dupont sur hote-1 (pid 4242) depuis 2025-03-01 10:00:00, dernier battement 10:02:00". */
	public static String holder(ExerciceLease.Holder holder) {
		return holder.operator() + " sur " + holder.host() + " (pid " + holder.pid() + ") depuis "
				+ time(holder.takenAt()) + ", dernier battement " + time(holder.heartbeatAt()) + ", expire "
				+ time(holder.expiresAt()) + ", jeton " + holder.token();
	}

	static String time(Instant instant) {
		return instant == null ? "-" : TIME.format(instant);
	}

	/** Refusal of a launch because another process holds the exercice's lease. */
	public static String refusal(int exercice, ExerciceLease.Holder holder) {
		return "L'exercice " + exercice + " est en cours de traitement par " + holder(holder)
				+ " : refusé. Attendez la fin, puis vérifiez avec 'runs'. Si ce processus n'existe plus,"
				+ " son bail pourra être repris après son expiration (relancez la même commande).";
	}

}
