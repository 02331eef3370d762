package fr.cds.remuneration.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.ValueStatus;
import fr.cds.remuneration.rules.sheet.RuleDiff;
import fr.cds.remuneration.rules.sheet.RuleItem;
import fr.cds.remuneration.rules.sheet.RuleItems;

/**
 * Prints rule sets as plain text for operators. Every value is followed by its provenance in
 * brackets, and every value that is not confirmed starts with {@value #PROVISIONAL}, so that a
 * provisional value cannot be read as an official one.
 */
final class RuleSheetPrinter {

	/** Mark of a value that is not confirmed. */
	static final String PROVISIONAL = "!";

	private static final String LEGEND = "Values marked " + PROVISIONAL
			+ " are not confirmed: analog (value of the MSP sister scheme) or placeholder (no public value).";

	private final PrintWriter out;

	RuleSheetPrinter(PrintWriter out) {
		this.out = out;
	}

	/** The accords and avenants of a rule set, with their dates and the first exercice each governs. */
	void texts(RuleSet ruleSet) {
		header(ruleSet);
		for (LegalText text : ruleSet.texts()) {
			this.out.println(mark(text.provenance()) + " " + text.id() + " — " + text.title());
			this.out.println("      signed " + date(text.signed()) + ", approved " + date(text.approved())
					+ ", published " + date(text.published()) + "; governs exercices from " + text.firstExercice()
					+ "  " + provenance(text.provenance()));
		}
		this.out.println();
	}

	/** The rules of one exercice: parameters, indicators in force with their values, and those not. */
	void show(ExerciceRules rules) {
		RuleSet ruleSet = rules.ruleSet();
		int exercice = rules.exercice();
		List<RuleItem> items = RuleItems.at(ruleSet, exercice);
		this.out.println("Rules for exercice " + exercice);
		header(ruleSet);
		this.out.println("Latest text: " + describe(rules.latestText()));
		this.out.println(LEGEND);
		this.out.println();
		this.out.println("PARAMETERS");
		items.stream().filter(i -> i.indicator() == null).forEach(i -> value(i, "  "));
		Map<String, List<RuleItem>> byIndicator = items.stream()
			.filter(i -> i.indicator() != null)
			.collect(Collectors.groupingBy(RuleItem::indicator, LinkedHashMap::new, Collectors.toList()));
		this.out.println();
		this.out.println("INDICATORS IN FORCE IN " + exercice + " (" + byIndicator.size() + ")");
		byIndicator.forEach((code, indicatorItems) -> {
			for (RuleItem item : indicatorItems) {
				if (item.isInForce()) {
					this.out.println("  " + code + " (in force " + item.period() + "): " + item.value());
				}
				else {
					value(item, "     ");
				}
			}
		});
		List<IndicatorRule> notInForce = ruleSet.indicators()
			.stream()
			.filter(i -> !i.validity().contains(exercice))
			.toList();
		this.out.println();
		this.out.println("NOT IN FORCE IN " + exercice + " (" + notInForce.size() + ")");
		notInForce.forEach(i -> this.out.println("  " + i.code() + " (in force "
				+ i.validity().within(ruleSet.exercices()) + "): " + i.label()));
		this.out.println();
		this.out.println("NATIONAL NEUTRALISATIONS IN " + exercice);
		if (rules.neutralisations().isEmpty()) {
			this.out.println("  none");
		}
		rules.neutralisations()
			.forEach(n -> this.out.println(mark(n.provenance()) + " " + n.indicator() + ": " + n.effect().dataValue()
					+ " — " + n.reason() + "  " + provenance(n.provenance())));
		this.out.println();
		this.out.println(summary(items));
	}

	/** What changed between the rules on the left and those on the right. */
	void diff(ExerciceRules left, ExerciceRules right) {
		this.out.println("Rules of exercice " + left.exercice() + " under " + left.ruleSet().reference()
				+ " (latest text " + left.latestText().id() + ")");
		this.out.println("   → exercice " + right.exercice() + " under " + right.ruleSet().reference()
				+ " (latest text " + right.latestText().id() + ")");
		this.out.println(LEGEND);
		this.out.println();
		List<RuleDiff.Change> changes = RuleDiff.between(RuleItems.at(left.ruleSet(), left.exercice()),
				RuleItems.at(right.ruleSet(), right.exercice()));
		for (RuleDiff.Change change : changes) {
			switch (change.kind()) {
				case ADDED, REMOVED -> {
					RuleItem item = change.after() != null ? change.after() : change.before();
					this.out.println(change.kind().sign() + " " + change.key() + ": " + valueWithProvenance(item));
				}
				case CHANGED -> {
					this.out.println(change.kind().sign() + " " + change.key() + ": "
							+ valueWithProvenance(change.before()));
					this.out.println("    → " + valueWithProvenance(change.after()));
				}
			}
		}
		this.out.println(changes.isEmpty() ? "No difference." : changes.size() + " difference"
				+ (changes.size() > 1 ? "s." : "."));
	}

	/** Every value of {@code items} that is not confirmed, with the exercices it applies. */
	void provisional(String title, List<RuleItem> items) {
		List<RuleItem> provisional = RuleItems.provisional(items);
		this.out.println(title + ": " + summary(items));
		for (RuleItem item : provisional) {
			this.out.println(PROVISIONAL + " " + item.key() + " (" + item.period() + "): " + valueWithProvenance(item));
		}
		this.out.println();
	}

	private void header(RuleSet ruleSet) {
		this.out.println(ruleSet.reference() + " — " + ruleSet.title());
		this.out.println("  exercices " + ruleSet.exercices() + ", unit " + ruleSet.unit().dataKey() + ", file "
				+ ruleSet.origin() + " (sha256 " + ruleSet.sha256() + ")");
	}

	/** A value line: the mark in the first column (so that {@code grep '^!'} lists them), then the value. */
	private void value(RuleItem item, String indent) {
		this.out.println((item.isProvisional() ? PROVISIONAL : " ") + indent + item.part() + ": "
				+ valueWithProvenance(item));
	}

	private static String valueWithProvenance(RuleItem item) {
		return item.value() + (item.provenance() == null ? "" : "  " + provenance(item.provenance()));
	}

	private static String provenance(Provenance provenance) {
		return "[" + provenance.status().dataValue() + " · " + provenance.sourceId() + " · " + provenance.textId()
				+ "]";
	}

	private static String mark(Provenance provenance) {
		return provenance.status().isProvisional() ? PROVISIONAL : " ";
	}

	private static String describe(LegalText text) {
		return text.id() + " — " + text.title() + " (signed " + date(text.signed()) + ", approved "
				+ date(text.approved()) + ", published " + date(text.published()) + ", governs exercices from "
				+ text.firstExercice() + ")";
	}

	private static String date(LocalDate date) {
		return date == null ? "unknown" : date.toString();
	}

	private static String summary(List<RuleItem> items) {
		Map<ValueStatus, Long> counts = RuleItems.countByStatus(items);
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		long analog = counts.getOrDefault(ValueStatus.ANALOG, 0L);
		long placeholder = counts.getOrDefault(ValueStatus.PLACEHOLDER, 0L);
		return total + " values, " + (analog + placeholder) + " not confirmed (" + analog + " analog, " + placeholder
				+ " placeholder)";
	}

}
