package fr.cds.remuneration.annual;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.extract.FingerprintSpill;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientExtractAggregator;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputsChangedException;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.PatientPartition;

/**
 * Streams one partition (byte range) of the patient extract once and stores one aggregate per
 * centre. The unit of work and of restart is the byte range: it is folded in memory (memory grows
 * with the number of centres, not with the rows) and its aggregates, rejects and counts are
 * written in one transaction at the end. A restart redoes the range from its start (clearing what
 * a crash left of it); the other partitions are not read again.
 * <p>
 * The step runs outside any transaction ({@code NOT_SUPPORTED}, see {@link #NO_TRANSACTION}): a fold
 * takes minutes on a national extract, and a transaction open meanwhile would sit idle (killed by
 * PostgreSQL's {@code idle_in_transaction_session_timeout}) and keep a pooled connection. Rejects
 * are saved a few thousand at a time as they come, each batch on its own; the aggregates and the
 * partition's counts in one short transaction at the end.
 * <p>
 * Each accepted row's fingerprint is spilled to the run's work directory for
 * {@link PatientDuplicatesTasklet}, which runs once every range is folded: a duplicate may lie in
 * another range.
 */
public class PatientExtractTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(PatientExtractTasklet.class);

	/** The step's own transaction attribute: none around the fold. */
	public static final TransactionAttribute NO_TRANSACTION = new DefaultTransactionAttribute(
			TransactionDefinition.PROPAGATION_NOT_SUPPORTED);

	private final RunStore store;

	private final RunWorkDirectory workDirectory;

	private final int partition;

	private final ByteRange range;

	private final ExtractProgress progress;

	private final String expectedSha256;

	private final long launchFileBytes;

	private final TransactionTemplate transaction;

	/**
	 * @param partition the partition's number (its rejects and aggregates are stored under it)
	 * @param range the partition's slice of the extract, from {@link PatientExtractPartitioner}
	 * @param progress progress shared by the partitions and the progress reporter
	 * @param expectedSha256 the SHA-256 of the range's bytes at launch
	 * @param launchFileBytes the extract's size at launch
	 */
	public PatientExtractTasklet(RunStore store, RunWorkDirectory workDirectory, int partition, ByteRange range,
			ExtractProgress progress, String expectedSha256, long launchFileBytes,
			PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.store = store;
		this.workDirectory = workDirectory;
		this.partition = partition;
		this.range = range;
		this.progress = progress;
		this.expectedSha256 = expectedSha256;
		this.launchFileBytes = launchFileBytes;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		Path extract = context.run().input(InputFile.PATIENTS);
		ByteRange slice = this.range;
		this.store.clearPatientPartition(runId, this.partition);
		KnownCentres centres = new KnownCentres(this.store.centreTypes(runId).keySet());
		RejectBatches rejects = new RejectBatches(this.store, runId);
		long started = System.nanoTime();
		PatientExtractAggregator.Result result;
		try (FingerprintSpill.Writer spill = FingerprintSpill.create(this.workDirectory.patientSpill(context, this.partition),
				this.partition)) {
			result = new PatientExtractAggregator(extract, context.run().inputEncoding()).aggregate(slice, centres,
					reject -> rejects.add(this.partition, reject), this.progress, spill);
		}
		requireLaunchBytes(extract, result);
		rejects.flush();
		this.transaction.executeWithoutResult(status -> {
			this.store.savePatientAggregates(runId, this.partition, result.aggregates());
			this.store.savePatientPartition(runId, new PatientPartition(this.partition, slice.start(), slice.end(),
					result.lines(), result.rowsRead(), result.accepted(), result.rejected()));
		});
		// Spring Batch's counts for the operators' tools: read = written (accepted) + filtered (rejected)
		contribution.getStepExecution().setReadCount(result.rowsRead());
		contribution.incrementWriteCount(result.accepted());
		contribution.incrementFilterCount(result.rejected());
		double seconds = (System.nanoTime() - started) / 1e9;
		logger.info(String.format("Extrait patients, partition %d : %d ligne(s) (%d acceptée(s), %d rejetée(s)) pour %d centre(s) en %.1f s (%.0f lignes/s)",
				this.partition, result.rowsRead(), result.accepted(), result.rejected(), result.aggregates().size(),
				seconds, result.rowsRead() / Math.max(seconds, 1e-9)));
		return RepeatStatus.FINISHED;
	}

	/**
	 * The range just folded must be the bytes hashed at launch, and the extract must still have its
	 * launch size (an append after the launch would otherwise go unnoticed): checked before
	 * anything of the range is stored, so a changed extract leaves nothing behind.
	 */
	private void requireLaunchBytes(Path extract, PatientExtractAggregator.Result result) {
		String file = InputFile.PATIENTS.fileName();
		long size = InputFileStep.size(extract);
		if (size != this.launchFileBytes) {
			throw new InputsChangedException(file, size + " octets au lieu de " + this.launchFileBytes + " au lancement");
		}
		if (!result.bytesRead().equals(this.range) || !result.sha256().equals(this.expectedSha256)) {
			throw new InputsChangedException(file, "octets " + this.range.start() + " à " + this.range.end()
					+ " : SHA-256 " + result.sha256() + " au lieu de " + this.expectedSha256 + " au lancement");
		}
	}

}
