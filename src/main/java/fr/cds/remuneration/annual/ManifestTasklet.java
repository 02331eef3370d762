package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.output.ManifestWriter;

/**
 * The job's last step, after every output is written: removes the temporary files a crash may
 * have left, then writes {@code manifest.sha256}, the list of every output with its SHA-256. A
 * step of its own, so that the manifest follows whatever step writes outputs before it.
 */
public class ManifestTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(ManifestTasklet.class);

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Path directory = RunContext.of(contribution.getStepExecution()).outputDirectory();
		List<ManifestWriter.Entry> entries = ManifestWriter.write(directory);
		logger.info("Manifeste de " + entries.size() + " fichiers de sortie : " + directory.resolve(ManifestWriter.MANIFEST));
		return RepeatStatus.FINISHED;
	}

}
