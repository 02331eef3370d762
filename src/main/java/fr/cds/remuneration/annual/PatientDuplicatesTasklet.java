package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.DuplicateRemoval;
import fr.cds.remuneration.extract.DuplicateRowFinder;
import fr.cds.remuneration.extract.FingerprintSpill;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientExtractAggregator;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;
import fr.cds.remuneration.snapshot.RunStore.PatientPartition;

/**
 * Once every range of the patient extract is folded: finds the rows that repeat an earlier row of
 * the same centre and patient (in bounded memory, from the ranges' spills), rejects them with the
 * line of the row kept, takes their contribution out of their centres' aggregates, and records
 * the extract's counts (read = accepted + rejected, duplicates counted as rejected).
 * <p>
 * Everything is written in the step's one transaction, after what a previous attempt wrote is
 * cleared: the step can be redone after a crash. A spill lost or cut short (the work directory
 * cleaned, a crash while it was written) is made again by folding its range again.
 */
public class PatientDuplicatesTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(PatientDuplicatesTasklet.class);

	private final RunStore store;

	private final RunWorkDirectory workDirectory;

	private final int chunkRows;

	/** @param chunkRows rows the duplicate search sorts in memory at once */
	public PatientDuplicatesTasklet(RunStore store, RunWorkDirectory workDirectory, int chunkRows) {
		this.store = store;
		this.workDirectory = workDirectory;
		this.chunkRows = chunkRows;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		long started = System.nanoTime();
		KnownCentres centres = new KnownCentres(this.store.centreTypes(runId).keySet());
		List<PatientPartition> partitions = this.store.patientPartitions(runId);
		List<FingerprintSpill.Contents> spills = new ArrayList<>();
		for (PatientPartition partition : partitions) {
			spills.add(spill(context, partition, centres));
		}
		this.store.clearPatientDuplicates(runId);
		RejectBatches rejects = new RejectBatches(this.store, runId);
		DuplicateRemoval.Result removal = DuplicateRemoval.remove(spills, centres, this.store.patientLineOffsets(runId),
				new DuplicateRowFinder(this.chunkRows, this.workDirectory.of(context)), rejects::add);
		rejects.flush();
		this.store.savePatientDuplicates(runId, removal.removed());
		Path extract = context.run().input(InputFile.PATIENTS);
		long read = partitions.stream().mapToLong(PatientPartition::rowsRead).sum();
		long accepted = partitions.stream().mapToLong(PatientPartition::accepted).sum() - removal.rows();
		long rejected = partitions.stream().mapToLong(PatientPartition::rejected).sum() + removal.rows();
		this.store.saveFileCounts(runId, new FileCounts(InputFile.PATIENTS.fileName(), context.fileChecksum(InputFile.PATIENTS),
				InputFileStep.size(extract), read, accepted, rejected));
		this.workDirectory.delete(context);
		logger.info(String.format("Extrait patients : %d ligne(s) en double (même centre et même patient qu'une ligne précédente)"
				+ " rejetée(s), %d centre(s) concerné(s), en %.1f s", removal.rows(), removal.removed().size(),
				(System.nanoTime() - started) / 1e9));
		return RepeatStatus.FINISHED;
	}

	/** The partition's spill, folded again when it is missing or incomplete. */
	private FingerprintSpill.Contents spill(RunContext context, PatientPartition partition, KnownCentres centres) {
		Path file = this.workDirectory.patientSpill(context, partition.partition());
		return FingerprintSpill.open(file, partition.partition(), partition.accepted()).orElseGet(() -> {
			logger.warn("Fichier de travail de la partition " + partition.partition() + " de l'extrait patients absent ou incomplet ("
					+ file + ") : la partition est relue");
			try (FingerprintSpill.Writer writer = FingerprintSpill.create(file, partition.partition())) {
				new PatientExtractAggregator(context.run().input(InputFile.PATIENTS), context.run().inputEncoding())
					.aggregate(new ByteRange(partition.startByte(), partition.endByte()), centres, reject -> {
					}, ExtractProgress.unwatched(), writer);
			}
			return FingerprintSpill.open(file, partition.partition(), partition.accepted())
				.orElseThrow(() -> new IllegalStateException("la partition " + partition.partition() + " de l'extrait patients"
						+ " ne donne plus " + partition.accepted() + " lignes acceptées : le fichier a changé pendant le run"));
		});
	}

}
