package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One centre against its peers: for each measure, its own figure (at the published precision) or
 * why it has none, and the group it is compared with.
 */
public record PeerComparison(PeerFigures centre, List<Row> rows) {

	/**
	 * @param value the centre's figure, rounded as published, or empty (then {@code reason} says why)
	 * @param group the group compared with: regional when it may be published, else national
	 * @param regional the centres of the type in the centre's region (to say why the national group
	 * is used)
	 */
	public record Row(Measure measure, Optional<BigDecimal> value, String reason, PeerGroup group,
			PeerGroup regional) {

		public boolean nationalFallback() {
			return this.group.national();
		}

	}

}
