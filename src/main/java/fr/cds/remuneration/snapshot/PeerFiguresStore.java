package fr.cds.remuneration.snapshot;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.peer.PeerFigures;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * Each centre's peer-benchmark figures, stored with its result ({@code CENTRE_PEER_FIGURES}): the
 * statements step and the summary report need only these few figures of every centre, and used to
 * read and parse every centre's whole stored result to get them.
 */
final class PeerFiguresStore {

	private PeerFiguresStore() {
	}

	/** Called in the transaction that stores the results: both are there, or neither. */
	static void save(JdbcTemplate jdbc, long runId, List<StoredResult> stored) {
		jdbc.batchUpdate("INSERT INTO CENTRE_PEER_FIGURES (RUN_ID, FINESS, FIGURES_JSON) VALUES (?, ?, ?)", stored,
				stored.size(), (ps, s) -> {
					ps.setLong(1, runId);
					ps.setString(2, s.result().centre().finess());
					ps.setString(3, SnapshotJson.write(PeerFigures.of(s.result())));
				});
	}

	/**
	 * The figures stored for every result of the run, in FINESS order, or {@code null} when not every
	 * result has them (a run computed before they were stored, or restarted across that change).
	 */
	static List<PeerFigures> read(JdbcTemplate jdbc, long runId) {
		List<PeerFigures> figures = jdbc.query(
				"SELECT FIGURES_JSON FROM CENTRE_PEER_FIGURES WHERE RUN_ID = ? ORDER BY FINESS",
				(rs, i) -> SnapshotJson.read(rs.getString(1), PeerFigures.class), runId);
		Integer results = jdbc.queryForObject("SELECT COUNT(*) FROM CENTRE_RESULT WHERE RUN_ID = ?", Integer.class,
				runId);
		return results != null && figures.size() == results ? figures : null;
	}

}
