package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The centres a run holds, with their reasons ({@code RUN_HELD_CENTRE}). */
public class HeldCentreStore {

	private final JdbcTemplate jdbc;

	HeldCentreStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Longest reason stored (the column's size); a longer one is cut with an ellipsis. */
	private static final int MAX_HOLD_REASON = 1000;

	/** Records the run's held centres, replacing what an interrupted execution recorded. */
	public void saveHolds(long runId, Map<String, List<String>> reasonsByCentre) {
		this.jdbc.update("DELETE FROM RUN_HELD_CENTRE WHERE RUN_ID = ?", runId);
		List<Object[]> rows = new ArrayList<>();
		reasonsByCentre.forEach((finess, reasons) -> {
			for (int i = 0; i < reasons.size(); i++) {
				String reason = reasons.get(i);
				rows.add(new Object[] { runId, finess, i + 1,
						reason.length() > MAX_HOLD_REASON ? reason.substring(0, MAX_HOLD_REASON - 1) + "…" : reason });
			}
		});
		this.jdbc.batchUpdate("INSERT INTO RUN_HELD_CENTRE (RUN_ID, FINESS, SEQ, REASON) VALUES (?, ?, ?, ?)", rows);
	}

	/** The run's held centres with their reasons, by FINESS in order. */
	public Map<String, List<String>> heldCentres(long runId) {
		Map<String, List<String>> held = new java.util.TreeMap<>();
		this.jdbc.query("SELECT FINESS, REASON FROM RUN_HELD_CENTRE WHERE RUN_ID = ? ORDER BY FINESS, SEQ", rs -> {
			held.computeIfAbsent(rs.getString(1), f -> new ArrayList<>()).add(rs.getString(2));
		}, runId);
		return held;
	}

	public boolean isHeld(long runId, String finess) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_HELD_CENTRE WHERE RUN_ID = ? AND FINESS = ?",
				Integer.class, runId, finess) > 0;
	}

}
