package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Population;

/**
 * The rule set's general parameters, each a timeline of dated values. An empty timeline means the
 * rule set does not have the parameter (e.g. no point value in the euro model, no uplift).
 *
 * @param newCentreDeclaration code of the declaration answer by which a centre in its first
 * exercice asks for the new-centre derogation
 * @param advance the payment calendar: the advance paid during the exercice (empty: none in the rule set)
 * @param balanceDue the payment calendar: the day of N+1 by which the balance of N is due (empty: none)
 * @param upliftScope what the uplift multiplies; empty means {@link UpliftScope#PATIENT_VARIABLE}
 * @param upliftPopulation the patients the precarity rates are measured on; empty means the
 * centre type's patient list ({@code patient_base})
 * @param prorataFullYearSignedBefore a contract signed before this date is paid the whole
 * exercice under {@link ProrataMethod#SIGNATURE} (the règlement arbitral's exception for 2015)
 * @param plausibility bounds beyond which a declared value holds its centre
 */
public record Parameters(Timeline<BigDecimal> pointValueEur, Timeline<Rounding> rounding,
		Timeline<Map<CentreType, Population>> patientBase,
		Timeline<Set<Profession>> healthProfessions, Timeline<BigDecimal> upliftCap,
		Timeline<BigDecimal> nationalC2sRate, Timeline<BigDecimal> nationalAmeRate, Timeline<ProrataMethod> prorata,
		Timeline<String> newCentreDeclaration, Timeline<AdvanceTerms> advance, Timeline<MonthDay> balanceDue,
		Timeline<UpliftScope> upliftScope, Timeline<Population> upliftPopulation,
		Timeline<LocalDate> prorataFullYearSignedBefore,
		PlausibilityBounds plausibility) {
}
