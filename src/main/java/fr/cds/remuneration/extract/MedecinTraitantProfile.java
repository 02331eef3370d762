package fr.cds.remuneration.extract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.rules.model.PatientSelector;

/**
 * A centre's médecin-traitant patients by kind: age at 31 December, ALD, C2S, and whether a
 * doctor of the centre saw them in the last two years. These are everything the categories of the
 * médecin-traitant forfait select on, kept whole rather than folded into today's age bands, so that
 * a re-processing under new bands (FPMT → FMT, a new boundary) needs only the frozen aggregate.
 *
 * @param kinds patients by kind code ({@link #kind}), only the kinds that occur
 */
public record MedecinTraitantProfile(Map<Integer, Long> kinds) {

	/** Kinds a code can take: ages 0–120, each with ALD, C2S and not-seen flags. */
	public static final int KINDS = (PatientSelector.MAX_AGE + 1) * 8;

	public static final MedecinTraitantProfile NONE = new MedecinTraitantProfile(Map.of());

	public MedecinTraitantProfile {
		kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
	}

	/** {@code age × 8 + ald × 4 + c2s × 2 + notSeen}. */
	public static int kind(int age, boolean ald, boolean c2s, boolean notSeen) {
		return age * 8 + (ald ? 4 : 0) + (c2s ? 2 : 0) + (notSeen ? 1 : 0);
	}

	/** Whether {@code selector} accepts the patients of kind {@code kind}. */
	public static boolean matches(PatientSelector selector, int kind) {
		return selector.matches(kind / 8, (kind & 4) != 0, (kind & 2) != 0, (kind & 1) != 0);
	}

	/** The patients {@code selector} accepts. */
	public long count(PatientSelector selector) {
		long count = 0;
		for (Map.Entry<Integer, Long> entry : this.kinds.entrySet()) {
			if (matches(selector, entry.getKey())) {
				count += entry.getValue();
			}
		}
		return count;
	}

	public long patients() {
		return this.kinds.values().stream().mapToLong(Long::longValue).sum();
	}

	/** {@code this + sign × other}, dropping the kinds that fall to zero. */
	MedecinTraitantProfile plus(MedecinTraitantProfile other, long sign) {
		Map<Integer, Long> sum = new TreeMap<>(this.kinds);
		other.kinds.forEach((kind, count) -> sum.merge(kind, sign * count, Long::sum));
		sum.values().removeIf(count -> count == 0);
		return new MedecinTraitantProfile(sum);
	}

}
