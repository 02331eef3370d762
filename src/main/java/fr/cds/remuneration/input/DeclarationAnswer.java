package fr.cds.remuneration.input;

import fr.cds.remuneration.centre.Finess;

/** One accepted row of declarations.csv: a centre's answer to one indicator. */
public record DeclarationAnswer(Finess finess, String indicator, String value) {
}
