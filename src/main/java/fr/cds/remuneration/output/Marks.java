package fr.cds.remuneration.output;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * The marks of provisional rule values on one statement: {@code *} for a value taken from the
 * MSP scheme (ACI), {@code †} for a value no text publishes. A value is marked once, where the
 * statement shows it; the marks used are remembered so that the legend explains only those.
 */
public final class Marks {

	private final Set<ValueStatus> used = EnumSet.noneOf(ValueStatus.class);

	/** The mark of a value of this status (empty when confirmed), remembered for the legend. */
	String of(ValueStatus status) {
		String mark = symbol(status);
		if (!mark.isEmpty()) {
			this.used.add(status);
		}
		return mark;
	}

	/** The mark of a value of this status, empty when confirmed (the statement and the calculette's what-ifs). */
	public static String symbol(ValueStatus status) {
		return switch (status) {
			case CONFIRMED -> "";
			case ANALOG -> "*";
			case PLACEHOLDER -> "†";
		};
	}

	/** One sentence per mark used on the statement. */
	List<String> legend() {
		List<String> legend = new ArrayList<>();
		if (this.used.contains(ValueStatus.ANALOG)) {
			legend.add("* valeur provisoire (référence ACI) : reprise du dispositif des maisons de santé (ACI) en attendant"
					+ " celle des centres de santé.");
		}
		if (this.used.contains(ValueStatus.PLACEHOLDER)) {
			legend.add("† valeur provisoire (non publiée) : retenue pour permettre le calcul.");
		}
		if (!legend.isEmpty()) {
			legend.add("Chaque valeur provisoire est marquée une fois ; si la valeur officielle diffère, une régularisation"
					+ " corrigera le montant. Les données du centre, la date de versement et les totaux ne sont pas marqués.");
		}
		return List.copyOf(legend);
	}

}
