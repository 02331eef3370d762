package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;

/**
 * An eligibility condition on the centre's own data (staff, zone, other answers), with its
 * parameters from the rule data. {@link #describe()} is the French sentence printed on statements.
 */
public sealed interface Condition {

	boolean test(Centre centre, Declaration declaration);

	String describe();

	/** Employs (or does not employ) some FTE of the given professions. */
	record Employs(Set<Profession> professions, boolean present) implements Condition {

		@Override
		public boolean test(Centre centre, Declaration declaration) {
			boolean employs = centre.staff().sum(this.professions).signum() > 0;
			return employs == this.present;
		}

		@Override
		public String describe() {
			return (this.present ? "le centre emploie : " : "le centre n'emploie pas : ") + labels(this.professions);
		}

	}

	/**
	 * FTE of {@code numerator} professions at least {@code ratio} times those of
	 * {@code denominator}, and at least {@code minimum} (the polyvalent nursing supplement).
	 */
	record FteRatio(Set<Profession> numerator, Set<Profession> denominator, BigDecimal ratio,
			BigDecimal minimum) implements Condition {

		@Override
		public boolean test(Centre centre, Declaration declaration) {
			BigDecimal num = centre.staff().sum(this.numerator);
			BigDecimal den = centre.staff().sum(this.denominator);
			return num.compareTo(this.ratio.multiply(den)) >= 0 && num.compareTo(this.minimum) >= 0;
		}

		@Override
		public String describe() {
			return "ETP " + labels(this.numerator) + " ≥ " + plain(this.ratio) + " × ETP " + labels(this.denominator)
					+ " et ≥ " + plain(this.minimum);
		}

	}

	/** The centre is located in one of the zones. */
	record InZone(Set<Zone> zones) implements Condition {

		@Override
		public boolean test(Centre centre, Declaration declaration) {
			return this.zones.contains(centre.zone());
		}

		@Override
		public String describe() {
			return "centre situé en " + this.zones.stream().sorted().map(Zone::label).collect(Collectors.joining(" ou "));
		}

	}

	/** Another indicator was declared at least at this level or count. */
	record DeclaredAtLeast(String indicator, int value) implements Condition {

		@Override
		public boolean test(Centre centre, Declaration declaration) {
			// a yes/no indicator counts 1 for oui, 0 for non (the nursing supplement's parts per indicator)
			return declaration.answer(this.indicator)
				.flatMap(raw -> DeclaredAnswer.asNumber(raw).or(() -> DeclaredAnswer.asYesNo(raw).map(yes -> yes ? 1 : 0)))
				.orElse(0) >= this.value;
		}

		@Override
		public String describe() {
			return "indicateur " + this.indicator + " déclaré au moins au niveau " + this.value;
		}

	}

	private static String labels(Set<Profession> professions) {
		return professions.stream().sorted().map(Profession::label).collect(Collectors.joining(", "));
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
