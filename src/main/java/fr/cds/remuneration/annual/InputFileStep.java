package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongBiFunction;

import org.springframework.batch.core.step.StepExecution;

import fr.cds.remuneration.input.CsvFileReader;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputsChangedException;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * A chunk-oriented step that reads one input file, and how its counts are recorded.
 * <p>
 * The counts are recorded by the gate ({@link InputQualityTasklet}), in its own transaction, from
 * what the step committed: the reader's row count and the SHA-256 of the bytes it read, saved in
 * the step's execution context with its last chunk, and the accepted and rejected rows in the
 * snapshot. They used to be recorded by a listener after the step, in a transaction of their
 * own, once Spring Batch had already marked the step COMPLETED: a process killed between the two
 * left a completed step without counts, which is never run again, and the exercice could not be
 * run any more. Derived at the gate, they are always there when the gate runs.
 *
 * @param stepName the step's name in the job repository
 * @param accepted how many of the file's rows the run accepted, from the snapshot
 */
record InputFileStep(InputFile file, String stepName, ToLongBiFunction<RunStore, Long> accepted) {

	static final InputFileStep CENTRES = new InputFileStep(InputFile.CENTRES, "centres",
			(store, runId) -> store.count("RUN_CENTRE", runId));

	/** The answers are stored by centre, several in a row: their count is summed, not the rows. */
	static final InputFileStep DECLARATIONS = new InputFileStep(InputFile.DECLARATIONS, "declarations",
			RunStore::declarationCount);

	static final InputFileStep CONTRACTS = new InputFileStep(InputFile.CONTRACTS, "contracts",
			(store, runId) -> store.count("RUN_CONTRACT", runId));

	static final List<InputFileStep> ALL = List.of(CENTRES, DECLARATIONS, CONTRACTS);

	/**
	 * Records the file's counts from the step's last execution, which completed. The bytes the
	 * reader read must be those hashed at launch.
	 */
	void recordCounts(StepExecution completed, RunContext context, RunStore store) {
		String read = completed.getExecutionContext().getString(CsvFileReader.sha256Key(this.file), null);
		String launch = context.fileChecksum(this.file);
		if (!launch.equals(read)) {
			throw new InputsChangedException(this.file.fileName(), read == null ? "le fichier n'a pas été lu jusqu'au bout"
					: "SHA-256 des octets lus " + read + " au lieu de " + launch + " au lancement");
		}
		long rows = completed.getExecutionContext().getLong(CsvFileReader.rowsReadKey(this.file), 0L);
		long accepted = this.accepted.applyAsLong(store, context.runId());
		long rejected = store.rejectedRows(context.runId(), this.file.fileName());
		store.saveFileCounts(context.runId(), new FileCounts(this.file.fileName(), read,
				size(context.run().input(this.file)), rows, accepted, rejected));
	}

	static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
