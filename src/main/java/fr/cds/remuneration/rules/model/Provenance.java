package fr.cds.remuneration.rules.model;

/**
 * Where a rule value comes from: its status, the source it was read in (or derived from) and the
 * legal text that set it.
 *
 * @param status how sure the value is
 * @param sourceId key of the source in the rule set's source table
 * @param source full citation of the source
 * @param textId id of the legal text (accord or avenant) that set the value
 * @param from the first exercice of the dated value, once resolved for an exercice ({@code null}
 * before, and in results stored before it was recorded)
 */
public record Provenance(ValueStatus status, String sourceId, String source, String textId, Integer from) {

	public Provenance(ValueStatus status, String sourceId, String source, String textId) {
		this(status, sourceId, source, textId, null);
	}

	/** The same provenance, for the value that applies from {@code exercice}. */
	public Provenance from(int exercice) {
		return new Provenance(this.status, this.sourceId, this.source, this.textId, exercice);
	}

	/** The least sure status of the values an amount was computed from (confirmed when there are none). */
	public static ValueStatus weakestOf(java.util.Collection<Provenance> provenances) {
		return provenances.stream().map(Provenance::status).reduce(ValueStatus.CONFIRMED, ValueStatus::weakest);
	}

}
