package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import fr.cds.remuneration.input.CsvFileReader;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * After an input file's step, records its checksum and row counts (rows read by the reader,
 * accepted and rejected rows in the snapshot); {@link InputQualityTasklet} then checks that they
 * reconcile before anything is computed.
 */
public class InputFileCountsListener implements StepExecutionListener {

	private final InputFile file;

	private final String acceptedTable;

	private final RunStore store;

	public InputFileCountsListener(InputFile file, String acceptedTable, RunStore store) {
		this.file = file;
		this.acceptedTable = acceptedTable;
		this.store = store;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!stepExecution.getStatus().isRunning() && stepExecution.getFailureExceptions().isEmpty()) {
			RunContext context = RunContext.of(stepExecution);
			long read = stepExecution.getExecutionContext().getLong(CsvFileReader.rowsReadKey(this.file), 0L);
			long accepted = this.store.count(this.acceptedTable, context.runId());
			long rejected = this.store.rejectedRows(context.runId(), this.file.fileName());
			Path path = context.run().input(this.file);
			this.store.saveFileCounts(context.runId(),
					new FileCounts(this.file.fileName(), context.fileChecksum(this.file), size(path), read, accepted,
							rejected));
		}
		return stepExecution.getExitStatus();
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
