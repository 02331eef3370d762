package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

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
		this.jdbc.query(ResultStore.STORED_RESULTS_OF_RUN,
				rs -> {
					figures.add(PeerFigures.of(StoredResultEncoding.read(rs, 1)));
				}, runId);
		return figures;
	}

}
