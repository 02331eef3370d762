package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.snapshot.RunStore.Located;

/**
 * The run's accepted input rows: centres, declarations and contracts, each with the line it was
 * read at ({@code RUN_CENTRE}, {@code RUN_DECLARATION_ANSWERS} and before it {@code RUN_DECLARATION},
 * {@code RUN_CONTRACT}).
 */
public class InputRowStore {

	private final JdbcTemplate jdbc;

	InputRowStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void saveCentres(long runId, List<Located<Centre>> centres) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_CENTRE (RUN_ID, FINESS, CENTRE_TYPE, REGION_CODE, SOURCE_LINE, CENTRE_JSON) VALUES (?, ?, ?, ?, ?, ?)",
				centres, centres.size(), (ps, c) -> {
					ps.setLong(1, runId);
					ps.setString(2, c.value().finess().value());
					ps.setString(3, c.value().type().code());
					ps.setString(4, c.value().region().code());
					ps.setLong(5, c.line());
					ps.setString(6, SnapshotJson.write(c.value()));
				});
	}

	public Map<String, CentreType> centreTypes(long runId) {
		Map<String, CentreType> types = new HashMap<>();
		this.jdbc.query("SELECT FINESS, CENTRE_TYPE FROM RUN_CENTRE WHERE RUN_ID = ?",
				rs -> {
					types.put(rs.getString(1), CentreType.fromCode(rs.getString(2)).orElseThrow());
				}, runId);
		return types;
	}

	/** Every accepted centre of the run, by FINESS. */
	public Map<String, Centre> centres(long runId) {
		Map<String, Centre> centres = new HashMap<>();
		KeyedJson.query(this.jdbc, "SELECT FINESS, CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ?", Centre.class, runId)
			.forEach(c -> centres.put(c.key(), c.value()));
		return centres;
	}

	public Centre centre(long runId, String finess) {
		return SnapshotJson.read(this.jdbc.queryForObject(
				"SELECT CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ? AND FINESS = ?", String.class, runId, finess),
				Centre.class);
	}

	/**
	 * Stores a chunk's accepted answers, one row per centre holding its answers of the chunk with
	 * their lines ({@code RUN_DECLARATION_ANSWERS}): about 20 times fewer rows than one per answer.
	 */
	public void saveDeclarations(long runId, List<Located<DeclarationAnswer>> answers) {
		Map<String, List<StoredAnswer>> byCentre = new LinkedHashMap<>();
		for (Located<DeclarationAnswer> a : answers) {
			byCentre.computeIfAbsent(a.value().finess().value(), f -> new ArrayList<>())
				.add(new StoredAnswer(a.line(), a.value().indicator(), a.value().value()));
		}
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_DECLARATION_ANSWERS (RUN_ID, FIRST_LINE, FINESS, ANSWER_COUNT, ANSWERS) VALUES (?, ?, ?, ?, ?)",
				List.copyOf(byCentre.entrySet()), byCentre.size(), (ps, e) -> {
					ps.setLong(1, runId);
					ps.setLong(2, e.getValue().get(0).line());
					ps.setString(3, e.getKey());
					ps.setInt(4, e.getValue().size());
					ps.setString(5, SnapshotJson.write(e.getValue()));
				});
	}

	/** One stored answer: its line in declarations.csv, the indicator, the answer as accepted. */
	record StoredAnswer(long line, String indicator, String answer) {
	}

	/**
	 * Calls {@code answer} with (FINESS, indicator, answer) for every accepted answer of the run, or
	 * of one centre when {@code finess} is not null: those stored by centre, and those of a run
	 * stored before that, one row per answer ({@code RUN_DECLARATION}).
	 */
	private void forEachAnswer(long runId, String finess, AnswerConsumer answer) {
		String centre = finess == null ? "" : " AND FINESS = ?";
		Object[] args = finess == null ? new Object[] { runId } : new Object[] { runId, finess };
		for (KeyedJson<StoredAnswer[]> row : KeyedJson.query(this.jdbc,
				"SELECT FINESS, ANSWERS FROM RUN_DECLARATION_ANSWERS WHERE RUN_ID = ?" + centre, StoredAnswer[].class,
				args)) {
			for (StoredAnswer a : row.value()) {
				answer.accept(row.key(), a.indicator(), a.answer());
			}
		}
		this.jdbc.query("SELECT FINESS, INDICATOR, ANSWER FROM RUN_DECLARATION WHERE RUN_ID = ?" + centre,
				rs -> {
					answer.accept(rs.getString(1), rs.getString(2), rs.getString(3));
				}, args);
	}

	@FunctionalInterface
	private interface AnswerConsumer {

		void accept(String finess, String indicator, String answer);

	}

	/** {@code finess|indicator} of the answers accepted so far: a restart still refuses duplicates. */
	public Set<String> declarationKeys(long runId) {
		Set<String> keys = new HashSet<>();
		forEachAnswer(runId, null, (finess, indicator, answer) -> keys.add(finess + "|" + indicator));
		return keys;
	}

	/** How many answers the run accepted. */
	public long declarationCount(long runId) {
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(ANSWER_COUNT), 0) FROM RUN_DECLARATION_ANSWERS WHERE RUN_ID = ?",
				Long.class, runId)
				+ this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_DECLARATION WHERE RUN_ID = ?", Long.class, runId);
	}

	/** Every centre's accepted declaration answers, by FINESS (a centre with none is absent). */
	public Map<String, Declaration> declarations(long runId) {
		Map<String, Map<String, String>> answers = new HashMap<>();
		forEachAnswer(runId, null,
				(finess, indicator, answer) -> answers.computeIfAbsent(finess, f -> new HashMap<>()).put(indicator, answer));
		Map<String, Declaration> declarations = new HashMap<>();
		answers.forEach((finess, map) -> declarations.put(finess, new Declaration(new Finess(finess), map)));
		return declarations;
	}

	public Declaration declaration(long runId, String finess) {
		Map<String, String> answers = new HashMap<>();
		forEachAnswer(runId, finess, (f, indicator, answer) -> answers.put(indicator, answer));
		return new Declaration(new Finess(finess), answers);
	}

	public void saveContracts(long runId, List<Located<Contract>> contracts) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_CONTRACT (RUN_ID, FINESS, CONTRACT_NUMBER, SOURCE_LINE, CONTRACT_JSON) VALUES (?, ?, ?, ?, ?)",
				contracts, contracts.size(), (ps, c) -> {
					ps.setLong(1, runId);
					ps.setString(2, c.value().finess().value());
					ps.setString(3, c.value().number());
					ps.setLong(4, c.line());
					ps.setString(5, SnapshotJson.write(c.value()));
				});
	}

	/** {@code finess|number} of the contracts accepted so far: a restart still refuses duplicates. */
	public Set<String> contractKeys(long runId) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT FINESS || '|' || CONTRACT_NUMBER FROM RUN_CONTRACT WHERE RUN_ID = ?", String.class, runId));
	}

	/** Every centre's accepted contracts, by FINESS, each centre's in the order of contracts.csv. */
	public Map<String, List<Contract>> contracts(long runId) {
		Map<String, List<Contract>> contracts = new HashMap<>();
		this.jdbc.query("SELECT FINESS, CONTRACT_JSON FROM RUN_CONTRACT WHERE RUN_ID = ? ORDER BY SOURCE_LINE", rs -> {
			contracts.computeIfAbsent(rs.getString(1), f -> new ArrayList<>())
				.add(SnapshotJson.read(rs.getString(2), Contract.class));
		}, runId);
		return contracts;
	}

	/** A centre's contracts, in the order of contracts.csv. */
	public List<Contract> contracts(long runId, String finess) {
		return this.jdbc.query(
				"SELECT CONTRACT_JSON FROM RUN_CONTRACT WHERE RUN_ID = ? AND FINESS = ? ORDER BY SOURCE_LINE",
				(rs, i) -> SnapshotJson.read(rs.getString(1), Contract.class), runId, finess);
	}

}
