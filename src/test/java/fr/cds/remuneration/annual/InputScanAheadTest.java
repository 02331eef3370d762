package fr.cds.remuneration.annual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch's scan started ahead gives the launcher the digest its own scan would, once, and only
 * for the directory and partitions it was started for; a failed one (a missing file) gives nothing,
 * so that the launcher's own scan refuses the inputs with its message.
 */
class InputScanAheadTest {

	private static final Path SAMPLES = Path.of("input-samples");

	@TempDir
	Path work;

	@Test
	void givesTheLaunchScansDigestOnceForTheSameInputs() {
		InputScanAhead.start(SAMPLES);

		Optional<InputDigest> ahead = InputScanAhead.take(SAMPLES.toAbsolutePath(), 1)
			.map(scans -> InputDigest.of(scans, Optional.of(InputEncoding.UTF_8)));

		assertThat(ahead).contains(InputDigest.scan(SAMPLES, Optional.of(InputEncoding.UTF_8), 1));
		assertThat(InputScanAhead.take(SAMPLES, 1)).isEmpty();
	}

	@Test
	void nothingForOtherInputsOrPartitions() {
		InputScanAhead.start(SAMPLES);
		assertThat(InputScanAhead.take(this.work, 1)).isEmpty();

		InputScanAhead.start(SAMPLES);
		assertThat(InputScanAhead.take(SAMPLES, 2)).isEmpty();
	}

	@Test
	void nothingWhenAFileIsMissing() throws Exception {
		for (InputFile file : InputFile.values()) {
			if (file != InputFile.PATIENTS) {
				Files.copy(SAMPLES.resolve(file.fileName()), this.work.resolve(file.fileName()));
			}
		}
		InputScanAhead.start(this.work);

		assertThat(InputScanAhead.take(this.work, 1)).isEmpty();
	}

}
