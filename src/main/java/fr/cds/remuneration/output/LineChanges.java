package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.ComponentLine;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.StreamLine;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Provenance;

/**
 * Compares a centre's previous and new results indicator by indicator, and says in French why
 * each amount changed: the legal text (or source) of a rule value that changed, a verdict, a
 * base (patients, FTE) or an uplift rate that changed with corrected inputs, the socle gate.
 */
public final class LineChanges {

	private LineChanges() {
	}

	/**
	 * One indicator: its previous and new euros, the difference, and the cause when it changed.
	 *
	 * @param provisional whether the new amount rests on a value that is not confirmed
	 */
	public record Change(String code, String label, BigDecimal previousEuros, BigDecimal newEuros,
			BigDecimal differenceEuros, String cause, boolean provisional, String statusNote) {

		public boolean changed() {
			return this.differenceEuros.signum() != 0;
		}

	}

	/**
	 * The lines of the new result in order, then those of the previous result that no longer exist.
	 *
	 * @param texts the legal texts by id, to name the text that set a new value
	 */
	public static List<Change> compare(Optional<CentreResult> previous, CentreResult current,
			Function<String, Optional<LegalText>> texts) {
		Map<String, IndicatorLine> before = new LinkedHashMap<>();
		previous.ifPresent(p -> p.lines().forEach(line -> before.put(line.code(), line)));
		List<Change> changes = new ArrayList<>();
		for (IndicatorLine line : current.lines()) {
			IndicatorLine old = before.remove(line.code());
			BigDecimal oldEuros = old == null ? zero() : old.euros();
			BigDecimal difference = line.euros().subtract(oldEuros);
			String cause = difference.signum() == 0 ? "" : cause(previous, current, old, line, texts);
			changes.add(new Change(line.code(), line.label(), oldEuros, line.euros(), difference, cause,
					line.status().isProvisional(), line.status().statementNote()));
		}
		for (IndicatorLine old : before.values()) {
			BigDecimal difference = old.euros().negate();
			changes.add(new Change(old.code(), old.label(), old.euros(), zero(), difference,
					difference.signum() == 0 ? "" : "indicateur supprimé pour l'exercice par les nouvelles règles", false,
					""));
		}
		return List.copyOf(changes);
	}

	private static String cause(Optional<CentreResult> previous, CentreResult current, IndicatorLine old,
			IndicatorLine line, Function<String, Optional<LegalText>> texts) {
		if (previous.isEmpty()) {
			return "centre non calculé lors du traitement précédent";
		}
		if (old == null) {
			return "indicateur ajouté pour l'exercice" + textsOf(line.provenances(), List.of(), texts);
		}
		Set<String> causes = new LinkedHashSet<>();
		if (previous.get().socle().met() != current.socle().met()) {
			causes.add("socle " + (current.socle().met() ? "désormais atteint" : "désormais non atteint"));
		}
		if (old.verdict() != line.verdict()) {
			causes.add("indicateur " + old.verdict().label() + " → " + line.verdict().label());
		}
		String valueTexts = textsOf(line.provenances(), old.provenances(), texts);
		if (!valueTexts.isEmpty()) {
			causes.add("valeur modifiée" + valueTexts);
		}
		causes.addAll(baseChanges(old, line));
		if (!line.uplift().isZero() || !old.uplift().isZero()) {
			BigDecimal oldRate = previous.get().uplift() == null ? null : previous.get().uplift().rate();
			BigDecimal newRate = current.uplift() == null ? null : current.uplift().rate();
			if (oldRate != null && newRate != null && oldRate.compareTo(newRate) != 0) {
				causes.add("majoration précarité " + FrenchFormat.percent(oldRate) + " → " + FrenchFormat.percent(newRate));
			}
		}
		if (previous.get().prorata().daysOpen() != current.prorata().daysOpen()) {
			causes.add("période rémunérée " + previous.get().prorata().daysOpen() + " → " + current.prorata().daysOpen()
					+ " jours");
		}
		if (causes.isEmpty() && !previous.get().ruleSet().reference().equals(current.ruleSet().reference())) {
			causes.add("valeur modifiée par la version " + current.ruleSet().reference() + " des règles");
		}
		return causes.isEmpty() ? "nouveau calcul" : String.join(" ; ", causes);
	}

	/**
	 * The lines of a payment stream outside the forfait, previous against new: those of the new
	 * result in order, then those that no longer exist. A line is the same from one result to the
	 * other when its code and what it is about (the contract) are the same.
	 *
	 * @param previousResult whether the centre had a previous result at all
	 */
	public static List<Change> compareStream(boolean previousResult, Optional<StreamResult> previous,
			Optional<StreamResult> current, Function<String, Optional<LegalText>> texts) {
		Map<String, StreamLine> before = new LinkedHashMap<>();
		previous.ifPresent(p -> p.lines().forEach(line -> before.put(key(line), line)));
		List<Change> changes = new ArrayList<>();
		for (StreamLine line : current.map(StreamResult::lines).orElse(List.of())) {
			StreamLine old = before.remove(key(line));
			BigDecimal oldEuros = old == null ? zero() : old.euros();
			BigDecimal difference = line.euros().subtract(oldEuros);
			String cause = difference.signum() == 0 ? "" : streamCause(previousResult, previous, old, line, texts);
			changes.add(new Change(line.code(), label(line), oldEuros, line.euros(), difference, cause,
					line.status().isProvisional(), line.status().statementNote()));
		}
		for (StreamLine old : before.values()) {
			BigDecimal difference = old.euros().negate();
			changes.add(new Change(old.code(), label(old), old.euros(), zero(), difference,
					difference.signum() == 0 ? "" : "ligne supprimée pour l'exercice par les nouvelles règles", false, ""));
		}
		return List.copyOf(changes);
	}

	private static String key(StreamLine line) {
		return line.code() + "\u0000" + line.detail();
	}

	private static String label(StreamLine line) {
		return line.label() + (line.detail().isEmpty() ? "" : " — " + line.detail());
	}

	private static String streamCause(boolean previousResult, Optional<StreamResult> previous, StreamLine old,
			StreamLine line, Function<String, Optional<LegalText>> texts) {
		if (!previousResult) {
			return "centre non calculé lors du traitement précédent";
		}
		if (previous.isEmpty()) {
			return "paiement non calculé lors du traitement précédent" + textsOf(line.provenances(), List.of(), texts);
		}
		if (old == null) {
			return "ligne ajoutée pour l'exercice" + textsOf(line.provenances(), List.of(), texts);
		}
		Set<String> causes = new LinkedHashSet<>();
		String valueTexts = textsOf(line.provenances(), old.provenances(), texts);
		if (!valueTexts.isEmpty()) {
			causes.add("valeur modifiée" + valueTexts);
		}
		if (old.quantity().compareTo(line.quantity()) != 0) {
			causes.add(line.base() + " " + FrenchFormat.compact(old.quantity(), 2) + " → "
					+ FrenchFormat.compact(line.quantity(), 2));
		}
		if (!old.note().equals(line.note()) && !line.note().isEmpty()) {
			causes.add(line.note());
		}
		return causes.isEmpty() ? "nouveau calcul" : String.join(" ; ", causes);
	}

	/** A result stored before provenances recorded their first exercice compares without it. */
	private static boolean sameValue(Provenance a, Provenance b) {
		return a.from() == null || b.from() == null ? withoutFrom(a).equals(withoutFrom(b)) : a.equals(b);
	}

	private static Provenance withoutFrom(Provenance provenance) {
		return new Provenance(provenance.status(), provenance.sourceId(), provenance.source(), provenance.textId());
	}

	/** The texts (and sources) of the values of {@code now} that are not among {@code before}. */
	private static String textsOf(List<Provenance> now, List<Provenance> before,
			Function<String, Optional<LegalText>> texts) {
		Set<String> named = new LinkedHashSet<>();
		for (Provenance provenance : now) {
			if (before.stream().noneMatch(b -> sameValue(b, provenance))) {
				named.add(texts.apply(provenance.textId()).map(LineChanges::title).orElse(provenance.textId())
						+ " (source : " + provenance.source() + ")");
			}
		}
		return named.isEmpty() ? "" : " par " + String.join(", ", named);
	}

	private static String title(LegalText text) {
		return text.title() + (text.published() == null ? "" : " publié le " + FrenchFormat.date(text.published()));
	}

	/** Bases (patients, FTE) that differ between two lines' components of the same label. */
	private static List<String> baseChanges(IndicatorLine old, IndicatorLine line) {
		List<String> changes = new ArrayList<>();
		for (ComponentLine component : line.components()) {
			if (component.base() == null || component.baseValue() == null) {
				continue;
			}
			old.components()
				.stream()
				.filter(c -> c.kind() == component.kind() && Objects.equals(c.label(), component.label())
						&& Objects.equals(c.base(), component.base()) && c.baseValue() != null)
				.filter(c -> c.baseValue().compareTo(component.baseValue()) != 0)
				.findFirst()
				.ifPresent(c -> changes.add(component.base() + " " + FrenchFormat.compact(c.baseValue(), 2) + " → "
						+ FrenchFormat.compact(component.baseValue(), 2) + " (données corrigées)"));
		}
		return changes;
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
