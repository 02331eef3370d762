package fr.cds.remuneration.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;

/**
 * Takes the duplicate rows of the patient extract out of the run: each row that repeats an earlier
 * row of the same centre and patient becomes a reject that names the row kept, and its
 * contribution is removed from its centre's aggregate, so that a patient counts once.
 */
public final class DuplicateRemoval {

	/** Start of every duplicate's reason; the store finds them by it when the search is redone. */
	public static final String REASON_PREFIX = "ligne en double";

	/** In a duplicate's reason when its data differ from the row kept: which one is right is unknown. */
	public static final String DIFFERENT_DATA = "données différentes";

	/**
	 * What the duplicates took out.
	 *
	 * @param removed by centre, the sum of the contributions of its duplicate rows
	 * @param rows duplicate rows, now rejected rows
	 */
	public record Result(Map<String, PatientAggregate> removed, long rows) {
	}

	private DuplicateRemoval() {
	}

	/**
	 * @param spills every partition's spill, in partition order
	 * @param lineOffsets by partition, the physical lines of the extract before it
	 * @param rejects receives each duplicate's reject (line relative to its partition) with its partition
	 */
	public static Result remove(List<FingerprintSpill.Contents> spills, KnownCentres centres,
			Map<Integer, Long> lineOffsets, DuplicateRowFinder finder, BiConsumer<Integer, Reject> rejects) {
		Map<Integer, List<String>> schemes = new HashMap<>();
		spills.forEach(spill -> schemes.put(spill.partition(), spill.schemes()));
		Map<Integer, CentreAccumulator> removed = new HashMap<>();
		SchemeNumbers removedSchemes = new SchemeNumbers();
		long[] rows = { 0 };
		finder.find(spills, duplicate -> {
			String scheme = schemes.get(duplicate.partition()).get(duplicate.scheme());
			String firstScheme = schemes.get(duplicate.firstPartition()).get(duplicate.firstScheme());
			removed.computeIfAbsent(duplicate.centre(), c -> new CentreAccumulator())
				.add(duplicate.contribution(), removedSchemes.number(scheme));
			long firstLine = lineOffsets.getOrDefault(duplicate.firstPartition(), 0L) + duplicate.firstLine();
			boolean same = duplicate.contribution() == duplicate.firstContribution() && scheme.equals(firstScheme);
			rejects.accept(duplicate.partition(),
					new Reject(InputFile.PATIENTS.fileName(), duplicate.line(), centres.finess(duplicate.centre()),
							"id_patient", "", REASON_PREFIX + " : même patient et même centre que la ligne " + firstLine
									+ (same ? "" : " (" + DIFFERENT_DATA + " : seule la ligne " + firstLine + " est retenue)")));
			rows[0]++;
		});
		Map<String, PatientAggregate> byCentre = new HashMap<>();
		removed.forEach((centre, accumulator) -> byCentre.put(centres.finess(centre),
				accumulator.toAggregate(removedSchemes.names())));
		return new Result(byCentre, rows[0]);
	}

}
