package fr.cds.remuneration.rules.model;

import java.util.Set;

import fr.cds.remuneration.centre.Zone;

/**
 * At most {@code max} contracts of an aid per centre (medical assistants: 4, 8 from the 2025
 * accord), except for centres located in {@code exemptZones}.
 */
public record ContractCountCap(int max, Set<Zone> exemptZones) {
}
