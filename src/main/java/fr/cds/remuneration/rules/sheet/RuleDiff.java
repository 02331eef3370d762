package fr.cds.remuneration.rules.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between two sets of rule items (the rules of two exercices, or of two versions
 * of a rule set for one exercice), by item key. An indicator that appears or disappears as a whole
 * is one change, not one per value.
 */
public final class RuleDiff {

	private RuleDiff() {
	}

	public enum Kind {

		ADDED("+"), REMOVED("-"), CHANGED("~");

		private final String sign;

		Kind(String sign) {
			this.sign = sign;
		}

		public String sign() {
			return this.sign;
		}

	}

	/** One difference; {@code before} is null when added, {@code after} when removed. */
	public record Change(Kind kind, String key, RuleItem before, RuleItem after) {
	}

	public static List<Change> between(List<RuleItem> left, List<RuleItem> right) {
		Map<String, RuleItem> before = byKey(left);
		Map<String, RuleItem> after = byKey(right);
		Set<String> keys = new LinkedHashSet<>(before.keySet());
		keys.addAll(after.keySet());
		Set<String> indicatorsRemoved = wholeIndicators(before, after);
		Set<String> indicatorsAdded = wholeIndicators(after, before);
		List<Change> changes = new ArrayList<>();
		for (String key : keys) {
			RuleItem b = before.get(key);
			RuleItem a = after.get(key);
			if (a == null) {
				if (b.isInForce() || !indicatorsRemoved.contains(b.indicator())) {
					changes.add(new Change(Kind.REMOVED, key, b, null));
				}
			}
			else if (b == null) {
				if (a.isInForce() || !indicatorsAdded.contains(a.indicator())) {
					changes.add(new Change(Kind.ADDED, key, null, a));
				}
			}
			else if (!b.sameAs(a)) {
				changes.add(new Change(Kind.CHANGED, key, b, a));
			}
		}
		return changes;
	}

	/** Indicators in force in {@code in} and not in {@code notIn}. */
	private static Set<String> wholeIndicators(Map<String, RuleItem> in, Map<String, RuleItem> notIn) {
		Set<String> codes = new LinkedHashSet<>();
		in.values()
			.stream()
			.filter(RuleItem::isInForce)
			.filter(item -> !notIn.containsKey(item.key()))
			.forEach(item -> codes.add(item.indicator()));
		return codes;
	}

	private static Map<String, RuleItem> byKey(List<RuleItem> items) {
		Map<String, RuleItem> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(item.key(), item));
		return map;
	}

}
