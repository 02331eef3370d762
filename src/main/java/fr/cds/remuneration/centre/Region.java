package fr.cds.remuneration.centre;

/** A département and the INSEE region it belongs to (official COG codes). */
public record Region(String departement, String departementName, String code, String name) {
}
