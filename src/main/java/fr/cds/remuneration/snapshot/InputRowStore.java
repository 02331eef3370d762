package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * read at ({@code RUN_CENTRE}, {@code RUN_DECLARATION}, {@code RUN_CONTRACT}).
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
		this.jdbc.query("SELECT FINESS, CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ?", rs -> {
			centres.put(rs.getString(1), SnapshotJson.read(rs.getString(2), Centre.class));
		}, runId);
		return centres;
	}

	public Centre centre(long runId, String finess) {
		return SnapshotJson.read(this.jdbc.queryForObject(
				"SELECT CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ? AND FINESS = ?", String.class, runId, finess),
				Centre.class);
	}

	public void saveDeclarations(long runId, List<Located<DeclarationAnswer>> answers) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_DECLARATION (RUN_ID, FINESS, INDICATOR, ANSWER, SOURCE_LINE) VALUES (?, ?, ?, ?, ?)",
				answers, answers.size(), (ps, a) -> {
					ps.setLong(1, runId);
					ps.setString(2, a.value().finess().value());
					ps.setString(3, a.value().indicator());
					ps.setString(4, a.value().value());
					ps.setLong(5, a.line());
				});
	}

	public Set<String> declarationKeys(long runId) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT FINESS || '|' || INDICATOR FROM RUN_DECLARATION WHERE RUN_ID = ?", String.class, runId));
	}

	/** Every centre's accepted declaration answers, by FINESS (a centre with none is absent). */
	public Map<String, Declaration> declarations(long runId) {
		Map<String, Map<String, String>> answers = new HashMap<>();
		this.jdbc.query("SELECT FINESS, INDICATOR, ANSWER FROM RUN_DECLARATION WHERE RUN_ID = ?", rs -> {
			answers.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
		}, runId);
		Map<String, Declaration> declarations = new HashMap<>();
		answers.forEach((finess, map) -> declarations.put(finess, new Declaration(new Finess(finess), map)));
		return declarations;
	}

	public Declaration declaration(long runId, String finess) {
		Map<String, String> answers = new HashMap<>();
		this.jdbc.query("SELECT INDICATOR, ANSWER FROM RUN_DECLARATION WHERE RUN_ID = ? AND FINESS = ?",
				rs -> {
					answers.put(rs.getString(1), rs.getString(2));
				}, runId, finess);
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
