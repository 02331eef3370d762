package fr.cds.remuneration.centre;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Salaried full-time equivalents of a centre by profession, as declared for the exercice. */
public record StaffFte(Map<Profession, BigDecimal> byProfession) {

	public StaffFte {
		EnumMap<Profession, BigDecimal> copy = new EnumMap<>(Profession.class);
		for (Profession profession : Profession.values()) {
			copy.put(profession, byProfession.getOrDefault(profession, BigDecimal.ZERO));
		}
		byProfession = Collections.unmodifiableMap(copy);
	}

	public BigDecimal of(Profession profession) {
		return this.byProfession.get(profession);
	}

	/** Sum of the FTE of the given professions. */
	public BigDecimal sum(Collection<Profession> professions) {
		return professions.stream().map(this::of).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
