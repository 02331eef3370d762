package fr.cds.remuneration.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.Reject;

/**
 * A whole patient extract read as the annual job reads it, in one range: folded, then its
 * duplicate rows taken out. For the tools that read an extract outside the job (the calculette),
 * so that the same extract gives the same counts there.
 */
public final class PatientExtract {

	private PatientExtract() {
	}

	/** Counts of the extract; read = accepted + rejected, duplicates counted as rejected. */
	public record Result(Map<String, PatientAggregate> aggregates, long rowsRead, long accepted, long rejected) {
	}

	/**
	 * @param workDirectory where the duplicate search's temporary files go (deleted before returning)
	 * @param rejects receives every rejected row, duplicates included
	 */
	public static Result aggregate(Path file, InputEncoding encoding, KnownCentres centres, Path workDirectory,
			Consumer<Reject> rejects) {
		try {
			Files.createDirectories(workDirectory);
			Path spillFile = Files.createTempFile(workDirectory, "patients", ".spill");
			try {
				PatientExtractAggregator.Result folded;
				try (FingerprintSpill.Writer spill = FingerprintSpill.create(spillFile, 0)) {
					folded = new PatientExtractAggregator(file, encoding).aggregate(new ByteRange(0, Files.size(file)),
							centres, rejects, ExtractProgress.unwatched(), spill);
				}
				FingerprintSpill.Contents contents = FingerprintSpill.open(spillFile, 0, folded.accepted())
					.orElseThrow(() -> new IllegalStateException("débordement sur disque de " + file + " incomplet"));
				DuplicateRemoval.Result removal = DuplicateRemoval.remove(List.of(contents), centres, Map.of(0, 0L),
						new DuplicateRowFinder(DuplicateRowFinder.DEFAULT_CHUNK_ROWS, workDirectory),
						(partition, reject) -> rejects.accept(reject));
				Map<String, PatientAggregate> aggregates = new HashMap<>(folded.aggregates());
				removal.removed().forEach((finess, removed) -> aggregates.computeIfPresent(finess, (f, a) -> a.minus(removed)));
				return new Result(aggregates, folded.rowsRead(), folded.accepted() - removal.rows(),
						folded.rejected() + removal.rows());
			}
			finally {
				Files.deleteIfExists(spillFile);
			}
		}
		catch (IOException ex) {
			throw new InputFileException(InputFile.PATIENTS.fileName(), 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

}
