package fr.cds.remuneration.rules.model;

/**
 * Exercices a rule or value applies to, bounds included; {@code to == null} means "until further
 * notice". Rules are keyed on the exercice (year of activity), never on a publication date.
 */
public record ExercicePeriod(int from, Integer to) {

	public ExercicePeriod {
		if (to != null && to < from) {
			throw new IllegalArgumentException("la période finit (" + to + ") avant de commencer (" + from + ")");
		}
	}

	public static ExercicePeriod from(int from) {
		return new ExercicePeriod(from, null);
	}

	public boolean contains(int exercice) {
		return exercice >= this.from && (this.to == null || exercice <= this.to);
	}

	public boolean overlaps(ExercicePeriod other) {
		boolean thisEndsBefore = this.to != null && this.to < other.from;
		boolean otherEndsBefore = other.to != null && other.to < this.from;
		return !thisEndsBefore && !otherEndsBefore;
	}

	/** True when every exercice of {@code other} is in this period. */
	public boolean covers(ExercicePeriod other) {
		boolean endCovered = this.to == null || (other.to != null && other.to <= this.to);
		return other.from >= this.from && endCovered;
	}

	/**
	 * The exercices of this period that are also in {@code bounds}: an open-ended rule inside a
	 * rule set that ends in 2025 applies until 2025.
	 */
	public ExercicePeriod within(ExercicePeriod bounds) {
		int start = Math.max(this.from, bounds.from);
		// no mixed Integer/int conditional here: it would unbox a null end and fail
		Integer end;
		if (this.to == null) {
			end = bounds.to;
		}
		else if (bounds.to == null) {
			end = this.to;
		}
		else {
			end = Math.min(this.to, bounds.to);
		}
		if (end != null && end < start) {
			throw new IllegalArgumentException("période " + this + " hors de " + bounds);
		}
		return new ExercicePeriod(start, end);
	}

	@Override
	public String toString() {
		return this.to == null ? this.from + "–" : (this.from == this.to ? "" + this.from : this.from + "–" + this.to);
	}

}
