package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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

	/**
	 * The forfait as one stream among the others: its total, and its notes; its detail is the
	 * indicator lines, socle, prorata and uplift of this result. Not stored: a result is stored as
	 * it always was (the forfait's fields, then {@code streams}), so results of older runs read as
	 * they were written.
	 */
	public StreamResult forfait() {
		return new StreamResult(PaymentStream.computedFromIndicators(), PaymentStream.computedFromIndicators().label(), List.of(), this.notes, true,
				this.totalEuros);
	}

	/** Every stream of the centre, the forfait first, then the others in stream order. */
	public List<StreamResult> payments() {
		List<StreamResult> payments = new ArrayList<>(List.of(forfait()));
		payments.addAll(this.streams);
		return payments;
	}

	/** The forfait and every other stream, for the statement's grand total. */
	public BigDecimal grandTotalEuros() {
		return payments().stream().map(StreamResult::totalEuros).reduce(BigDecimal::add).orElseThrow();
	}

	/**
	 * The total of every stream the centre is settled on: the forfait first, then each other stream
	 * that could be computed, in stream order.
	 */
	public Map<PaymentStream, BigDecimal> totalsByStream() {
		Map<PaymentStream, BigDecimal> totals = new EnumMap<>(PaymentStream.class);
		payments().stream().filter(StreamResult::computed).forEach(s -> totals.put(s.stream(), s.totalEuros()));
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

		public static CentreIdentity of(fr.cds.remuneration.centre.Centre centre) {
			return new CentreIdentity(centre.finess().value(), centre.name(), centre.type().code(),
					centre.type().label(), centre.region().departement(), centre.region().departementName(),
					centre.region().code(), centre.region().name(), centre.adhesion(), centre.opening(),
					centre.closing());
		}

	}

	/**
	 * Which rules produced the result.
	 *
	 * @param texts the legal texts the rule set cites (accord, avenants), so that each line of the
	 * statement can name the text of its values; empty in results stored before they were recorded
	 */
	public record RuleSetInfo(String reference, String title, String latestTextId, String latestTextTitle,
			LocalDate latestTextPublished, String sha256, List<TextRef> texts) {

		public RuleSetInfo {
			texts = texts == null ? List.of() : List.copyOf(texts);
		}

		/** The legal text of this id, if the rule set cites it. */
		public Optional<TextRef> text(String id) {
			return this.texts.stream().filter(t -> t.id().equals(id)).findFirst();
		}

	}

	/** A legal text as a statement names it: its title and the first exercice it governs. */
	public record TextRef(String id, String title, int firstExercice) {
	}

}
