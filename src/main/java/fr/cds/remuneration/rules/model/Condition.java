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

	/**
	 * Why a centre does not fulfil the condition, in plain French for its statement
	 * ("le centre n'emploie pas de sage-femme").
	 *
	 * @param labels names an indicator code for a centre manager (its label)
	 */
	default String describeUnmet(java.util.function.UnaryOperator<String> labels) {
		return "condition non remplie : " + describe();
	}

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

		@Override
		public String describeUnmet(java.util.function.UnaryOperator<String> labels) {
			if (!this.present) {
				return "le centre emploie un " + this.professions.stream().sorted().map(Profession::label)
					.collect(Collectors.joining(" ou un ")) + ", ce que la condition exclut";
			}
			return "le centre n'emploie pas " + this.professions.stream().sorted().map(p -> partitive(p.label()))
				.collect(Collectors.joining(" ni "));
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

		@Override
		public String describeUnmet(java.util.function.UnaryOperator<String> labels) {
			return "condition non remplie : ETP " + labels(this.numerator) + " au moins égaux à "
					+ fr.cds.remuneration.common.FrenchFormat.compact(this.ratio, 4) + " × ETP "
					+ labels(this.denominator) + " et à "
					+ fr.cds.remuneration.common.FrenchFormat.compact(this.minimum, 4);
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

		@Override
		public String describeUnmet(java.util.function.UnaryOperator<String> labels) {
			return "condition non remplie : indicateur " + labels.apply(this.indicator) + " déclaré au moins au niveau "
					+ this.value;
		}

	}

	private static String labels(Set<Profession> professions) {
		return professions.stream().sorted().map(Profession::label).collect(Collectors.joining(", "));
	}

	/** "de sage-femme", "d'infirmier": the partitive after a negation. */
	private static String partitive(String label) {
		return ("aeéèiouh".indexOf(label.charAt(0)) >= 0 ? "d'" : "de ") + label;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
