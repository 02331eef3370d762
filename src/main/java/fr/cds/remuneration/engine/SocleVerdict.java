package fr.cds.remuneration.engine;

import java.util.List;

/**
 * The socle gate: all socle indicators of the centre's type met, or nothing is paid.
 *
 * @param failed codes of the socle indicators not met
 * @param derogation French note when the socle is deemed met (new centre), else {@code null}
 */
public record SocleVerdict(boolean met, List<String> failed, String derogation) {
}
