package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.peer.PeerFigures;

/**
 * The peer-benchmark figures of every centre a run computed, read from the stored results: each
 * result is read, reduced to its few figures at once and let go, so that memory holds figures, not
 * results.
 */
@Repository
public class PeerFiguresReader {

	private final JdbcTemplate jdbc;

	public PeerFiguresReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<PeerFigures> figures(long runId) {
		List<PeerFigures> stored = PeerFiguresStore.read(this.jdbc, runId);
		if (stored != null) {
			return stored;
		}
		// a run computed before the figures were stored with the results
		List<PeerFigures> figures = new ArrayList<>();
		this.jdbc.query("SELECT RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ? ORDER BY FINESS",
				rs -> {
					figures.add(PeerFigures.of(SnapshotJson.read(rs.getString(1), CentreResult.class)));
				}, runId);
		return figures;
	}

}
