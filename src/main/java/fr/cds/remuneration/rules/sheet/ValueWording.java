package fr.cds.remuneration.rules.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.extract.Population;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.PatientBase;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Unit;

/**
 * Rule values in plain words for operators, with the numbers as written in the rule data (no
 * grouping, decimal point), so that what the command prints can be found in the file.
 */
final class ValueWording {

	private ValueWording() {
	}

	static String component(ComponentRule rule, ComponentValue value, Unit unit) {
		String symbol = unit.symbol();
		if (value instanceof ComponentValue.Fixed fixed) {
			return number(fixed.amount()) + " " + symbol + perItem(fixed.maxItems());
		}
		if (value instanceof ComponentValue.Levels levels) {
			return "levels " + levels.amounts().stream().map(ValueWording::number).collect(Collectors.joining(" / "))
					+ " " + symbol + (levels.cumulative() ? ", cumulative" : ", amount of the level reached");
		}
		if (value instanceof ComponentValue.PerPatient perPatient) {
			boolean perOne = perPatient.reference().compareTo(BigDecimal.ONE) == 0;
			String status = rule.base() == PatientBase.PATIENTS ? "" : rule.base().dataValue() + " ";
			String per = perOne ? status + "patient" : number(perPatient.reference()) + " " + status + "patients";
			return tiers(perPatient.tiers(), symbol, per) + perItem(perPatient.maxItems());
		}
		ComponentValue.PerProfessional perProfessional = (ComponentValue.PerProfessional) value;
		String whose = rule.professions().isEmpty() ? "health professionals" : professions(rule.professions());
		return tiers(perProfessional.tiers(), symbol, "FTE") + " (FTE of " + whose + ")";
	}

	static String rounding(Rounding rounding) {
		return rounding.scale() + " decimals, " + rounding.mode() + ", once per statement line";
	}

	static String patientBase(Map<CentreType, Population> bases) {
		return bases.entrySet()
			.stream()
			.map(e -> e.getKey().code() + " " + e.getValue().dataValue())
			.collect(Collectors.joining(", "));
	}

	static String professions(Set<Profession> professions) {
		return professions.stream().sorted().map(Profession::name).collect(Collectors.joining(" "));
	}

	static String types(Set<CentreType> types) {
		return types.stream().sorted().map(CentreType::code).collect(Collectors.joining(" "));
	}

	static String number(BigDecimal value) {
		BigDecimal plain = value.stripTrailingZeros();
		return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
	}

	/** {@code 1700 pts per 4000 patients up to 8000, then 1100 pts per 4000 patients beyond}. */
	private static String tiers(List<Tier> tiers, String symbol, String per) {
		List<String> parts = new ArrayList<>();
		for (Tier tier : tiers) {
			String part = number(tier.rate()) + " " + symbol + " per " + per;
			if (tier.upTo() != null) {
				part += " up to " + number(tier.upTo());
			}
			else if (!parts.isEmpty()) {
				part += " beyond";
			}
			parts.add(part);
		}
		return String.join(", then ", parts);
	}

	private static String perItem(Integer maxItems) {
		return maxItems == null ? "" : " per declared item, at most " + maxItems;
	}

}
