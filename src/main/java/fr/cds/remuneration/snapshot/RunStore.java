package fr.cds.remuneration.snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.Reject;

/**
 * What a run stores in the database: the inputs it accepted (centres, declarations, patient
 * aggregates), the rejects, the file counts and the results. Together they are the run's frozen
 * snapshot: a re-processing reads them, never the raw files again.
 *
 * <p>The tables are kept by one store per family ({@link InputRowStore}, {@link PatientExtractStore},
 * {@link RejectStore}, {@link HeldCentreStore}, {@link ResultStore}); this class opens them on one
 * connection pool and still answers every former call by delegation, so its callers keep working.
 * New code takes the family it needs from the accessors.
 */
@Repository
public class RunStore {

	/** Partition id of the rejects of files that are not partitioned. */
	public static final int WHOLE_FILE = -1;

	private final JdbcTemplate jdbc;

	private final InputRowStore inputRows;

	private final PatientExtractStore patientExtract;

	private final RejectStore rejects;

	private final HeldCentreStore heldCentres;

	private final ResultStore results;

	public RunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.inputRows = new InputRowStore(jdbc);
		this.patientExtract = new PatientExtractStore(jdbc);
		this.rejects = new RejectStore(jdbc, this.patientExtract);
		this.heldCentres = new HeldCentreStore(jdbc);
		this.results = new ResultStore(jdbc);
	}

	public InputRowStore inputRows() {
		return this.inputRows;
	}

	public PatientExtractStore patientExtract() {
		return this.patientExtract;
	}

	public RejectStore rejects() {
		return this.rejects;
	}

	public HeldCentreStore heldCentres() {
		return this.heldCentres;
	}

	public ResultStore results() {
		return this.results;
	}

	/** A centre with the line it was read at. */
	public record Located<T>(T value, long line) {
	}

	public void saveCentres(long runId, List<Located<Centre>> centres) {
		this.inputRows.saveCentres(runId, centres);
	}

	public Map<String, CentreType> centreTypes(long runId) {
		return this.inputRows.centreTypes(runId);
	}

	/** What the run stored about all its centres, read at once for a whole computation. */
	public RunInputs inputs(long runId, LocalDate extractionDate) {
		return new RunInputs(centres(runId), declarations(runId), patientAggregates(runId), rejectedRowsByCentre(runId),
				contracts(runId), extractionDate);
	}

	/** Every accepted centre of the run, by FINESS. */
	public Map<String, Centre> centres(long runId) {
		return this.inputRows.centres(runId);
	}

	public Centre centre(long runId, String finess) {
		return this.inputRows.centre(runId, finess);
	}

	public void saveDeclarations(long runId, List<Located<DeclarationAnswer>> answers) {
		this.inputRows.saveDeclarations(runId, answers);
	}

	public Set<String> declarationKeys(long runId) {
		return this.inputRows.declarationKeys(runId);
	}

	/** How many declaration answers the run accepted. */
	public long declarationCount(long runId) {
		return this.inputRows.declarationCount(runId);
	}

	/** Every centre's accepted declaration answers, by FINESS (a centre with none is absent). */
	public Map<String, Declaration> declarations(long runId) {
		return this.inputRows.declarations(runId);
	}

	public Declaration declaration(long runId, String finess) {
		return this.inputRows.declaration(runId, finess);
	}

	public void saveContracts(long runId, List<Located<Contract>> contracts) {
		this.inputRows.saveContracts(runId, contracts);
	}

	/** {@code finess|number} of the contracts accepted so far: a restart still refuses duplicates. */
	public Set<String> contractKeys(long runId) {
		return this.inputRows.contractKeys(runId);
	}

	/** Every centre's accepted contracts, by FINESS, each centre's in the order of contracts.csv. */
	public Map<String, List<Contract>> contracts(long runId) {
		return this.inputRows.contracts(runId);
	}

	/** A centre's contracts, in the order of contracts.csv. */
	public List<Contract> contracts(long runId, String finess) {
		return this.inputRows.contracts(runId, finess);
	}

	/** Forgets what a partition stored, before it is (re)run: a restart redoes its whole range. */
	public void clearPatientPartition(long runId, int partition) {
		this.patientExtract.clearPatientPartition(runId, partition);
	}

	public void savePatientAggregates(long runId, int partition, Map<String, PatientAggregate> aggregates) {
		this.patientExtract.savePatientAggregates(runId, partition, aggregates);
	}

	/** Line and row counts of one partition of the extract. */
	public record PatientPartition(int partition, long startByte, long endByte, long lines, long rowsRead,
			long accepted, long rejected) {
	}

	public void savePatientPartition(long runId, PatientPartition p) {
		this.patientExtract.savePatientPartition(runId, p);
	}

	public List<PatientPartition> patientPartitions(long runId) {
		return this.patientExtract.patientPartitions(runId);
	}

	/**
	 * Every centre's patient aggregate, by FINESS: its partitions summed and its duplicate rows
	 * taken out, as {@link #patientAggregate} gives it for one centre (a centre with no row is absent).
	 */
	public Map<String, PatientAggregate> patientAggregates(long runId) {
		return this.patientExtract.patientAggregates(runId);
	}

	/**
	 * The centre's aggregate over every partition, without its duplicate rows (empty when no
	 * patient row named it).
	 */
	public PatientAggregate patientAggregate(long runId, String finess) {
		return this.patientExtract.patientAggregate(runId, finess);
	}

	/** Forgets a previous duplicate search of the run (its removals and its rejects), before it is redone. */
	public void clearPatientDuplicates(long runId) {
		this.patientExtract.clearPatientDuplicates(runId);
	}

	/** Stores, by centre, what its duplicate rows had added to its aggregate. */
	public void savePatientDuplicates(long runId, Map<String, PatientAggregate> removed) {
		this.patientExtract.savePatientDuplicates(runId, removed);
	}

	/** Stores rejects; several problems of one row share its line and get successive sequence numbers. */
	public void saveRejects(long runId, int partition, List<Reject> rejects) {
		this.rejects.saveRejects(runId, partition, rejects);
	}

	/**
	 * Every reject of the run, with absolute line numbers, in file and line order, streamed from the
	 * database: a run may reject millions of rows. Close the stream.
	 */
	public Stream<Reject> rejects(long runId) {
		return this.rejects.rejects(runId);
	}

	/** By partition of the extract, the physical lines before it: added to its rows' relative lines. */
	public Map<Integer, Long> patientLineOffsets(long runId) {
		return this.patientExtract.patientLineOffsets(runId);
	}

	/** Problems recorded for the run's rejected rows (a row may have several). */
	public long rejectProblems(long runId) {
		return this.rejects.rejectProblems(runId);
	}

	/** Records the run's held centres, replacing what an interrupted execution recorded. */
	public void saveHolds(long runId, Map<String, List<String>> reasonsByCentre) {
		this.heldCentres.saveHolds(runId, reasonsByCentre);
	}

	/** The run's held centres with their reasons, by FINESS in order. */
	public Map<String, List<String>> heldCentres(long runId) {
		return this.heldCentres.heldCentres(runId);
	}

	public boolean isHeld(long runId, String finess) {
		return this.heldCentres.isHeld(runId, finess);
	}

	/** Rejected rows (not problems) per centre, over every file. */
	public Map<String, Long> rejectedRowsByCentre(long runId) {
		return this.rejects.rejectedRowsByCentre(runId);
	}

	/** Rejected rows (not problems) of one centre, over every file of the run. */
	public long rejectedRowsOfCentre(long runId, String finess) {
		return this.rejects.rejectedRowsOfCentre(runId, finess);
	}

	public long rejectedRows(long runId, String file) {
		return this.rejects.rejectedRows(runId, file);
	}

	/** Row counts of an input file: read = accepted + rejected. */
	public record FileCounts(String file, String sha256, long sizeBytes, long read, long accepted, long rejected) {
	}

	public void saveFileCounts(long runId, FileCounts counts) {
		this.rejects.saveFileCounts(runId, counts);
	}

	public List<FileCounts> fileCounts(long runId) {
		return this.rejects.fileCounts(runId);
	}

	public long count(String table, long runId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE RUN_ID = ?", Long.class, runId);
	}

	public void saveResults(long runId, List<CentreResult> results) {
		this.results.saveResults(runId, results);
	}

	/**
	 * A computed result with the form it is stored in, made on the thread that computed it (encoding
	 * is the costly part of storing it).
	 *
	 * @param encoded its binary form ({@link StoredResultEncoding#encode})
	 */
	public record StoredResult(CentreResult result, byte[] encoded) {

		public static StoredResult of(CentreResult result) {
			return new StoredResult(result, StoredResultEncoding.encode(result));
		}

	}

	public void saveStoredResults(long runId, List<StoredResult> stored) {
		this.results.saveStoredResults(runId, stored);
	}

	/** The totals of every result of the run, each stream's included, in FINESS order. */
	public List<ResultSummary> resultSummaries(long runId) {
		return this.results.resultSummaries(runId);
	}

	/**
	 * The result of {@code finess} for {@code exercice} computed by the latest run that completed
	 * (the stored explanation of what the centre was paid), or empty.
	 */
	public java.util.Optional<CentreResult> latestCompletedResult(int exercice, String finess) {
		return this.results.latestCompletedResult(exercice, finess);
	}

	/** How many centres of the run failed each socle indicator. */
	public Map<String, Long> socleFailures(long runId) {
		return this.results.socleFailures(runId);
	}

	/** The latest run of {@code jobName} for {@code exercice} that completed, if any. */
	public java.util.Optional<Long> latestCompletedRun(String jobName, int exercice) {
		return this.results.latestCompletedRun(jobName, exercice);
	}

	/** The result of {@code finess} in run {@code runId}, or empty. */
	public java.util.Optional<CentreResult> result(long runId, String finess) {
		return this.results.result(runId, finess);
	}

	/** The centres the run stored a result for (their results are not read). */
	public Set<String> centresWithResult(long runId) {
		return this.results.centresWithResult(runId);
	}

	/** Every result of the run, in FINESS order. */
	public List<CentreResult> results(long runId) {
		return this.results.results(runId);
	}

}
