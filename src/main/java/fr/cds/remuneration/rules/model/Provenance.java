package fr.cds.remuneration.rules.model;

/**
 * Where a rule value comes from: its status, the source it was read in (or derived from) and the
 * legal text that set it.
 *
 * @param status how sure the value is
 * @param sourceId key of the source in the rule set's source table
 * @param source full citation of the source
 * @param textId id of the legal text (accord or avenant) that set the value
 */
public record Provenance(ValueStatus status, String sourceId, String source, String textId) {

	/** The least sure status of the values an amount was computed from (confirmed when there are none). */
	public static ValueStatus weakestOf(java.util.Collection<Provenance> provenances) {
		return provenances.stream().map(Provenance::status).reduce(ValueStatus.CONFIRMED, ValueStatus::weakest);
	}

}
