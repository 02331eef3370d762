package fr.cds.remuneration.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import fr.cds.remuneration.extract.DuplicateRemoval;
import fr.cds.remuneration.extract.PatientRejectReasons;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;

/**
 * Decides which centres a run holds (en attente) rather than pays: a centre whose accepted inputs
 * are incomplete because one of its rows was rejected (the rejected value could have changed its
 * amount: an act count, a socle answer, a contract, a patient), or whose accepted values lie beyond a
 * plausibility bound of the rules. A rejected row that names no accepted centre cannot hold the
 * centre it belonged to: in declarations.csv and contracts.csv (every row belongs to a listed
 * centre), and in patients.csv when its FINESS cannot be read, it refuses the run instead. A patient
 * row of a well-formed FINESS absent from centres.csv is a patient of another centre: rejected, held
 * against no one.
 */
final class CentreHolds {

	/**
	 * @param reasons French reasons by held centre, in FINESS order
	 * @param orphans rejected rows whose centre cannot be told, which refuse the run
	 */
	record Decision(Map<String, List<String>> reasons, List<Reject> orphans) {
	}

	private CentreHolds() {
	}

	/**
	 * @param centres the run's accepted centres
	 * @param rejects every reject of the run (centres.csv rejects are refused before)
	 * @param plausibility the plausibility problems of an accepted centre
	 */
	static Decision decide(Set<String> centres, Iterable<Reject> rejects, Function<String, List<String>> plausibility) {
		Map<String, List<String>> reasons = new TreeMap<>();
		List<Reject> orphans = new ArrayList<>();
		for (Reject reject : rejects) {
			if (reject.file().equals(InputFile.CENTRES.fileName()) || isHarmlessDuplicate(reject)
					|| isAnotherCentresPatient(reject)) {
				continue;
			}
			if (reject.finess() != null && centres.contains(reject.finess())) {
				reasons.computeIfAbsent(reject.finess(), f -> new ArrayList<>()).add(reason(reject));
			}
			else if (reject.finess() == null || !reject.file().equals(InputFile.PATIENTS.fileName())) {
				orphans.add(reject);
			}
		}
		for (String finess : new java.util.TreeSet<>(centres)) {
			List<String> problems = plausibility.apply(finess);
			if (!problems.isEmpty()) {
				reasons.computeIfAbsent(finess, f -> new ArrayList<>()).addAll(problems);
			}
		}
		reasons.replaceAll((finess, list) -> List.copyOf(list));
		return new Decision(reasons, List.copyOf(orphans));
	}

	/**
	 * A patient row whose FINESS is valid but not in centres.csv belongs to another centre: it is
	 * rejected and held against no one. A FINESS that is malformed or fails its check key could be a
	 * typo of an accepted centre's: that row stays an orphan, which refuses the run.
	 */
	private static boolean isAnotherCentresPatient(Reject reject) {
		return reject.file().equals(InputFile.PATIENTS.fileName()) && "finess".equals(reject.field())
				&& PatientRejectReasons.UNKNOWN_CENTRE.equals(reject.reason());
	}

	/** An exact copy of an earlier row is taken out without changing any amount. */
	private static boolean isHarmlessDuplicate(Reject reject) {
		return reject.reason().startsWith(DuplicateRemoval.REASON_PREFIX)
				&& !reject.reason().contains(DuplicateRemoval.DIFFERENT_DATA);
	}

	/**
	 * The reject as a French reason: file, line, field and why; the value too, except for
	 * patients.csv, whose cells may hold a patient identifier.
	 */
	static String reason(Reject reject) {
		boolean quotable = !reject.file().equals(InputFile.PATIENTS.fileName()) && reject.value() != null
				&& !reject.value().isEmpty();
		return reject.file() + " ligne " + reject.line() + ", champ " + reject.field()
				+ (quotable ? " (« " + reject.value() + " »)" : "") + " : " + reject.reason()
				+ " ; corrigez la ligne";
	}

}
