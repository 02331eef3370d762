package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Unit;

/**
 * A centre's remuneration for one exercice with its full explanation: which rules, which inputs,
 * which values. Every output (statement CSV, HTML, the explain command, the calculette) renders
 * this one model.
 *
 * @param pointValueEur point value, or {@code null} in a rule set in euros
 * @param healthProfessionalFte FTE counted as health professionals
 * @param uplift precarity uplift, or {@code null} when the rule set has none
 * @param totalEuros sum of the rounded lines
 * @param notes French notes for the centre (derogations, neutralisations, rejected data…)
 * @param streams the payments outside the forfait that apply to the centre, each settled on its own
 */
public record CentreResult(CentreIdentity centre, int exercice, RuleSetInfo ruleSet, Unit unit,
		BigDecimal pointValueEur, Provenance pointValueProvenance, PatientBaseUsed patientBase,
		BigDecimal healthProfessionalFte, ProrataResult prorata, UpliftResult uplift, SocleVerdict socle,
		List<IndicatorLine> lines, BigDecimal totalEuros, Map<String, Long> schemes, long rejectedRows,
		List<String> notes, List<StreamResult> streams) {

	public CentreResult {
		// a result stored before the other streams were computed has none
		streams = streams == null ? List.of() : List.copyOf(streams);
	}

	/** The forfait and every other stream, for the statement's grand total. */
	public BigDecimal grandTotalEuros() {
		return this.streams.stream().map(StreamResult::totalEuros).reduce(this.totalEuros, BigDecimal::add);
	}

	/**
	 * The total of every stream the centre is settled on: the forfait first, then each other stream
	 * that could be computed, in stream order.
	 */
	public Map<PaymentStream, BigDecimal> totalsByStream() {
		Map<PaymentStream, BigDecimal> totals = new EnumMap<>(PaymentStream.class);
		totals.put(PaymentStream.FORFAIT, this.totalEuros);
		this.streams.stream().filter(StreamResult::computed).forEach(s -> totals.put(s.stream(), s.totalEuros()));
		return totals;
	}

	/** The streams that apply to the centre but whose inputs were missing (left as the ledger has them). */
	public Set<PaymentStream> streamsNotComputed() {
		Set<PaymentStream> streams = EnumSet.noneOf(PaymentStream.class);
		this.streams.stream().filter(s -> !s.computed()).forEach(s -> streams.add(s.stream()));
		return streams;
	}

	/** The result of {@code stream}, if it applies to the centre. */
	public Optional<StreamResult> stream(PaymentStream stream) {
		return this.streams.stream().filter(s -> s.stream() == stream).findFirst();
	}

	/** Who the statement is for. */
	public record CentreIdentity(String finess, String name, String type, String typeLabel, String departement,
			String departementName, String regionCode, String regionName, LocalDate adhesion, LocalDate opening,
			LocalDate closing) {
	}

	/** Which rules produced the result. */
	public record RuleSetInfo(String reference, String title, String latestTextId, String latestTextTitle,
			LocalDate latestTextPublished, String sha256) {
	}

}
