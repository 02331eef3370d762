package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.engine.PeerThresholds.Threshold;
import fr.cds.remuneration.rules.ExercicePayments.ContractAid;
import fr.cds.remuneration.rules.ExerciceRules;

/** The national thresholds a run computed (table RUN_PEER_THRESHOLD), one row per aid. */
@Repository
public class PeerThresholdStore {

	private final JdbcTemplate jdbc;

	public PeerThresholdStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the run's thresholds, replacing what an interrupted execution recorded. */
	public void save(long runId, PeerThresholds thresholds) {
		this.jdbc.update("DELETE FROM RUN_PEER_THRESHOLD WHERE RUN_ID = ?", runId);
		List<Object[]> rows = new ArrayList<>();
		for (Threshold t : thresholds.byAid().values()) {
			rows.add(new Object[] { runId, t.aid(), t.rule().measure().dataValue(), t.rule().percentile(), t.centres(),
					t.value() });
		}
		this.jdbc.batchUpdate("INSERT INTO RUN_PEER_THRESHOLD (RUN_ID, AID_CODE, MEASURE, PERCENTILE, CENTRES, THRESHOLD)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", rows);
	}

	/**
	 * The thresholds the run recorded, for the aids of {@code rules} that have a maintenance rule; an
	 * aid the run recorded nothing for has no threshold (its later years are not maintained).
	 */
	public PeerThresholds load(long runId, ExerciceRules rules) {
		Map<String, Object[]> rows = new HashMap<>();
		this.jdbc.query("SELECT AID_CODE, CENTRES, THRESHOLD FROM RUN_PEER_THRESHOLD WHERE RUN_ID = ?",
				rs -> {
					rows.put(rs.getString(1), new Object[] { rs.getInt(2), rs.getBigDecimal(3) });
				}, runId);
		Map<String, Threshold> thresholds = new LinkedHashMap<>();
		for (ContractAid aid : rules.payments().contractAids()) {
			Object[] row = rows.get(aid.rule().code());
			if (row != null && aid.maintenance().isPresent()) {
				BigDecimal value = (BigDecimal) row[1];
				thresholds.put(aid.rule().code(), new Threshold(aid.rule().code(), aid.maintenance().get().value(),
						(Integer) row[0], value == null ? null : value.stripTrailingZeros()));
			}
		}
		return new PeerThresholds(thresholds);
	}

}
