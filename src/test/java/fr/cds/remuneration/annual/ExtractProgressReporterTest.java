package fr.cds.remuneration.annual;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.extract.AcceptedRowSink;
import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientExtractAggregator;
import fr.cds.remuneration.input.InputEncoding;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress of the extract's reading: bytes and rows as the readers advance them, and the bar. */
class ExtractProgressReporterTest {

	@Test
	void theBarEndsAtTheFileSizeWithEveryRowCounted() throws Exception {
		Path extract = Path.of("src/test/resources/annual/small/patients.csv");
		long size = Files.size(extract);
		ExtractProgress progress = new ExtractProgress();
		ByteArrayOutputStream terminal = new ByteArrayOutputStream();
		ExtractProgressReporter reporter = new ExtractProgressReporter(progress, true,
				new PrintStream(terminal, true, StandardCharsets.UTF_8));

		reporter.start(size);
		new PatientExtractAggregator(extract, InputEncoding.UTF_8).aggregate(new ByteRange(0, size),
				new KnownCentres(Set.of("750000101", "690000104", "130000102", "330000100")), reject -> {
				}, progress, AcceptedRowSink.NONE);
		reporter.stop();

		// every byte of the file was read, and its 21 data rows (the header is not a row) counted
		assertThat(progress.bytes()).isEqualTo(size);
		assertThat(progress.rows()).isEqualTo(21);
		String shown = terminal.toString(StandardCharsets.UTF_8);
		assertThat(shown).startsWith("\rextrait patients [" + "#".repeat(30) + "] 100%")
			.contains("lignes/s")
			.contains(" en ")
			.endsWith(System.lineSeparator());
	}

}
