package fr.cds.remuneration.rules.describe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleSetParser;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.ValueStatus;
import fr.cds.remuneration.rules.model.PaymentRule;

/**
 * The plain-text views of the rules command, for operators: the legal texts, the rules of one
 * exercice, the differences between two exercices or two rule-set versions, and the values that
 * are not confirmed. Every value is printed with its status, source and text, and every value that
 * is not confirmed is marked with {@value #PROVISIONAL_MARK}.
 */
public final class RulesReport {

	/** Marks a value whose status is not {@code confirmed}. */
	public static final String PROVISIONAL_MARK = "*";

	private RulesReport() {
	}

	/** The texts of every rule set, with their dates and the first exercice each governs. */
	public static String texts(List<RuleSet> ruleSets) {
		StringBuilder out = new StringBuilder();
		for (RuleSet ruleSet : ruleSets) {
			TextTable table = new TextTable().heading(heading(ruleSet))
				.row("", "texte", "premier exercice", "statut", "source", "titre et dates");
			for (LegalText text : ruleSet.texts()) {
				table.row(mark(text.provenance().status()), text.id(), String.valueOf(text.firstExercice()),
						text.provenance().status().dataValue(), text.provenance().sourceId(),
						text.title() + " (" + dates(text) + ")");
			}
			table.appendTo(out);
			out.append('\n');
		}
		return out.append(legend()).toString();
	}

	/** The rules that apply in the exercice: every indicator with its socle flag and values. */
	public static String exercice(ExerciceRules rules) {
		RuleSet ruleSet = rules.ruleSet();
		List<RuleEntry> entries = RuleEntries.at(RuleEntries.of(ruleSet), rules.exercice());
		StringBuilder out = new StringBuilder();
		out.append("Règles de l'exercice ").append(rules.exercice()).append(" : ").append(heading(ruleSet)).append('\n');
		out.append("Dernier texte applicable : ").append(textLine(rules.latestText())).append('\n');
		long provisional = entries.stream().filter(RuleEntry::isProvisional).count();
		long values = entries.stream().filter(e -> e.status() != null).count();
		out.append("Indicateurs : ").append(rules.indicators().size()).append(" ; autres paiements : ")
			.append(paymentsInForce(rules)).append(" ; valeurs non confirmées (")
			.append(PROVISIONAL_MARK).append(") : ").append(provisional).append(" sur ").append(values).append("\n\n");
		appendEntries(out, ruleSet, entries);
		List<String> outside = ruleSet.indicators()
			.stream()
			.filter(i -> !i.validity().contains(rules.exercice()))
			.map(i -> i.code() + " (" + i.validity().within(ruleSet.exercices()) + ")")
			.toList();
		if (!outside.isEmpty()) {
			out.append("\nIndicateurs du jeu de règles absents de l'exercice ").append(rules.exercice())
				.append(" (exercices où ils s'appliquent) : ").append(String.join(", ", outside)).append('\n');
		}
		return out.append('\n').append(legend()).toString();
	}

	/**
	 * What changes from the rules of {@code left} to those of {@code right}: indicators that appear
	 * or disappear, and for the others every value, status, source or text that differs.
	 */
	public static String diff(ExerciceRules left, ExerciceRules right) {
		String leftName = side(left);
		String rightName = side(right);
		Map<String, RuleEntry> before = byKey(RuleEntries.at(RuleEntries.of(left.ruleSet()), left.exercice()));
		Map<String, RuleEntry> after = byKey(RuleEntries.at(RuleEntries.of(right.ruleSet()), right.exercice()));
		Set<String> subjects = new LinkedHashSet<>();
		before.values().forEach(e -> subjects.add(e.subject()));
		after.values().forEach(e -> subjects.add(e.subject()));

		StringBuilder out = new StringBuilder();
		out.append("Différences de ").append(leftName).append(" à ").append(rightName).append('\n');
		out.append("Dernier texte applicable : ").append(left.latestText().id()).append(" → ")
			.append(right.latestText().id()).append("\n\n");
		int differences = 0;
		for (String subject : subjects) {
			List<String> lines = new ArrayList<>();
			boolean inBefore = before.values().stream().anyMatch(e -> e.subject().equals(subject));
			boolean inAfter = after.values().stream().anyMatch(e -> e.subject().equals(subject));
			if (!inAfter) {
				lines.add("- absent de " + rightName);
			}
			else if (!inBefore) {
				lines.add("+ nouveau dans " + rightName);
				after.values()
					.stream()
					.filter(e -> e.subject().equals(subject))
					.forEach(e -> lines.add("+ " + e.item() + " : " + e.valueWithProvenance()));
			}
			else {
				lines.addAll(changes(subject, before, after));
			}
			if (!lines.isEmpty()) {
				differences++;
				RuleSet named = right.ruleSet().label(subject).isPresent() ? right.ruleSet() : left.ruleSet();
				out.append(subjectTitle(subject, named)).append('\n');
				lines.forEach(line -> out.append("  ").append(line).append('\n'));
			}
		}
		return out.append('\n')
			.append(differences == 0 ? "Aucune différence." : differences + " élément(s) différent(s).")
			.append('\n')
			.toString();
	}

	/** Every value that is not confirmed, with the exercices it applies to; all exercices when {@code exercice} is null. */
	public static String provisional(RuleSet ruleSet, Integer exercice) {
		List<RuleEntry> entries = RuleEntries.of(ruleSet);
		if (exercice != null) {
			entries = RuleEntries.at(entries, exercice);
		}
		List<RuleEntry> provisional = entries.stream().filter(RuleEntry::isProvisional).toList();
		StringBuilder out = new StringBuilder();
		out.append("Valeurs non confirmées : ").append(heading(ruleSet));
		if (exercice != null) {
			out.append(", exercice ").append(exercice);
		}
		out.append("\n\n");
		appendEntries(out, ruleSet, provisional);
		Map<ValueStatus, Long> byStatus = provisional.stream()
			.collect(Collectors.groupingBy(RuleEntry::status, LinkedHashMap::new, Collectors.counting()));
		out.append('\n')
			.append(provisional.size())
			.append(" valeur(s) non confirmée(s)")
			.append(byStatus.isEmpty() ? "" : " : " + byStatus.entrySet()
				.stream()
				.map(e -> e.getKey().dataValue() + " " + e.getValue())
				.collect(Collectors.joining(", ")))
			.append(".\n\n");
		return out.append(legend()).toString();
	}

	/** The codes of the payments outside the forfait that apply in the exercice, or "aucun". */
	private static String paymentsInForce(ExerciceRules rules) {
		List<String> codes = rules.ruleSet()
			.payments()
			.all()
			.stream()
			.filter(rule -> rule.validity().contains(rules.exercice()))
			.map(PaymentRule::code)
			.toList();
		return codes.isEmpty() ? "aucun" : String.join(", ", codes);
	}

	/** {@code signé le 30/11/2023, approuvé le 06/02/2024, publié le 15/03/2024}; unknown dates say so. */
	static String dates(LegalText text) {
		return "signé " + date(text.signed()) + ", approuvé " + date(text.approved()) + ", publié "
				+ date(text.published());
	}

	// ------------------------------------------------------------------------- helpers

	private static void appendEntries(StringBuilder out, RuleSet ruleSet, List<RuleEntry> entries) {
		TextTable table = new TextTable();
		String subject = null;
		for (RuleEntry entry : entries) {
			if (!entry.subject().equals(subject)) {
				subject = entry.subject();
				table.heading(subjectTitle(subject, ruleSet));
			}
			table.row(mark(entry.status()), entry.status() == null ? "" : entry.status().dataValue(),
					Objects.requireNonNullElse(entry.sourceId(), ""), entry.textId(), entry.period().toString(),
					entry.item() + " : " + entry.value());
		}
		table.appendTo(out);
	}

	private static List<String> changes(String subject, Map<String, RuleEntry> before, Map<String, RuleEntry> after) {
		List<String> lines = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		before.values().stream().filter(e -> e.subject().equals(subject)).forEach(e -> keys.add(e.key()));
		after.values().stream().filter(e -> e.subject().equals(subject)).forEach(e -> keys.add(e.key()));
		for (String key : keys) {
			RuleEntry old = before.get(key);
			RuleEntry now = after.get(key);
			if (now == null) {
				lines.add("- " + old.item() + " : " + old.valueWithProvenance());
			}
			else if (old == null) {
				lines.add("+ " + now.item() + " : " + now.valueWithProvenance());
			}
			else if (!old.valueWithProvenance().equals(now.valueWithProvenance())) {
				lines.add("~ " + now.item() + " : " + old.valueWithProvenance() + " → " + now.valueWithProvenance());
			}
		}
		return lines;
	}

	private static Map<String, RuleEntry> byKey(List<RuleEntry> entries) {
		Map<String, RuleEntry> map = new LinkedHashMap<>();
		entries.forEach(e -> map.put(e.key(), e));
		return map;
	}

	private static String subjectTitle(String subject, RuleSet ruleSet) {
		if (subject.equals(RuleEntry.TEXTS)) {
			return "Textes";
		}
		if (subject.equals(RuleEntry.PARAMETERS)) {
			return "Paramètres";
		}
		return subject + ruleSet.label(subject).map(label -> " — " + label).orElse("");
	}

	private static String side(ExerciceRules rules) {
		return rules.ruleSet().reference() + " exercice " + rules.exercice();
	}

	private static String heading(RuleSet ruleSet) {
		return ruleSet.reference() + " — " + ruleSet.title() + " (exercices " + ruleSet.exercices() + ", montants en "
				+ ruleSet.unit().dataKey() + ", fichier " + RuleSetParser.fileName(ruleSet.origin()) + ")";
	}

	private static String textLine(LegalText text) {
		return text.title() + " [" + text.id() + "] (" + dates(text) + ")";
	}

	private static String mark(ValueStatus status) {
		return status != null && status.isProvisional() ? PROVISIONAL_MARK : "";
	}

	private static String date(LocalDate date) {
		return date == null ? "(date inconnue)" : "le " + FrenchFormat.date(date);
	}

	private static String legend() {
		return PROVISIONAL_MARK + " valeur non confirmée : « analog » = valeur du dispositif voisin des maisons de santé"
				+ " (ACI), « placeholder » = aucune valeur publique, choisie pour que la règle s'exécute.\n";
	}

}
