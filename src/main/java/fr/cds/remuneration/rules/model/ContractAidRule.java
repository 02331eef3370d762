package fr.cds.remuneration.rules.model;

import java.util.Set;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Zone;

/**
 * An aid paid on a contract between the centre and its CPAM (medical assistants, advanced-practice
 * nurse, installation and maintenance in under-served zones, dental installation), per FTE of the
 * contract and by year of the contract, pro-rated by the days of each contract year inside the
 * exercice.
 *
 * @param contract the contract kind it pays, as written in contracts.csv ({@code type_contrat})
 * @param zones the contract zones it applies to
 * @param schedule euros per FTE by contract year, dated by exercice
 * @param fteRatio ceiling on the aided FTE per FTE of other professions, dated; may be empty
 * @param maxContracts ceiling on the number of contracts per centre, dated; may be empty
 * @param conditions the centre's territory and zone, and the years paid only above a national percentile
 */
public record ContractAidRule(String code, String label, String contract, Set<CentreType> types, Set<Zone> zones,
		ExercicePeriod validity, String textId, Timeline<AidSchedule> schedule, Timeline<FteRatioCap> fteRatio,
		Timeline<ContractCountCap> maxContracts, AidConditions conditions) implements PaymentRule {
}
