package fr.cds.remuneration.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the job repository, the runs' snapshots and the ledger: each test starts like a fresh machine. */
public final class RunTables {

	private static final List<String> TABLES = List.of("PAYMENT_LEDGER", "RUN_SETTLEMENT", "REPROCESS_CENTRE",
			"REPROCESS_RUN", "RUN_HELD_CENTRE", "CENTRE_STREAM_RESULT", "CENTRE_PEER_FIGURES", "CENTRE_RESULT", "RUN_CONTRACT", "RUN_REJECT", "RUN_PATIENT_DUPLICATE", "RUN_PATIENT_PARTITION", "RUN_PATIENT_AGGREGATE",
			"RUN_DECLARATION", "RUN_DECLARATION_ANSWERS", "RUN_CENTRE", "RUN_FILE", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
			"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

	private RunTables() {
	}

	public static void empty(JdbcTemplate jdbc) {
		TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
	}

}
