package fr.cds.remuneration.extract;

import java.util.List;

/**
 * Receives every accepted patient row in a compact form while the extract is folded: the
 * duplicate search works on these, never on the rows themselves.
 */
public interface AcceptedRowSink {

	/** A sink for callers that do not look for duplicates (benchmarks of the fold alone). */
	AcceptedRowSink NONE = (idHash, centre, line, scheme, contribution) -> {
	};

	/**
	 * @param idHash fingerprint of the patient identifier ({@link PatientIdHash})
	 * @param centre the centre's number in {@link KnownCentres}
	 * @param line the row's line, relative to the range folded
	 * @param scheme the scheme's number in the folder's dictionary
	 * @param contribution the row's {@link RowContribution}
	 */
	void accepted(long idHash, int centre, long line, int scheme, int contribution);

	/** The range is folded; {@code schemes} names the scheme numbers used. */
	default void end(List<String> schemes) {
	}

}
