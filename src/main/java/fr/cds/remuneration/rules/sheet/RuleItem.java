package fr.cds.remuneration.rules.sheet;

import java.util.Objects;

import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.Provenance;

/**
 * One dated value of a rule set, described for operators: the rule and the part it belongs to,
 * the exercices it applies, the value in words and where it comes from.
 *
 * @param indicator code of the indicator, or {@code null} for a general parameter
 * @param part what the value is: {@code socle}, {@code minimum}, a component, a parameter name…
 * @param period exercices the value applies, within the rule set's exercices
 * @param provenance status, source and text of the value; {@code null} for the shape of an
 * indicator (types, answer), which is structure rather than a value
 */
public record RuleItem(String indicator, String part, ExercicePeriod period, String value, Provenance provenance) {

	/** Part name of the item that gives an indicator's shape and the exercices it is in force. */
	public static final String IN_FORCE = "in force";

	/** Identifies the item across exercices and rule-set versions (for diffs). */
	public String key() {
		return (this.indicator == null ? "parameter" : this.indicator) + " " + this.part;
	}

	public boolean isProvisional() {
		return this.provenance != null && this.provenance.status().isProvisional();
	}

	public boolean isInForce() {
		return IN_FORCE.equals(this.part);
	}

	/** Same value from the same provenance: what a diff compares (periods differ by nature). */
	public boolean sameAs(RuleItem other) {
		return this.value.equals(other.value) && Objects.equals(this.provenance, other.provenance);
	}

}
