package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.rules.model.MtPrecarityUplift;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precarity uplift of the médecin-traitant forfait, rate = min(25 %, (C2S share − 7 %) × 0.5),
 * on hand-made lists: above the threshold, exactly at it (no uplift), and capped.
 */
class MtPrecarityTest {

	private static final Resolved<MtPrecarityUplift> RULE = new Resolved<>(
			new MtPrecarityUplift(new BigDecimal("0.07"), new BigDecimal("0.5"), new BigDecimal("0.25")),
			new Provenance(ValueStatus.PLACEHOLDER, "CSMF-FPMT", "CSMF", "avenant-1"));

	private static final Rounding ROUNDING = new Rounding(2, RoundingMode.HALF_UP);

	@Test
	void thirtyPercentC2sRaisesTheCategoriesByElevenAndAHalfPercent() {
		// 10 patients aged 50, 3 in C2S: (30 % − 7 %) × 0.5 = 11.5 %; categories 10 × 5 € = 50 €;
		// 50 × 0.115 = 5.75 €
		StreamLine line = MtPrecarity.line(RULE, List.of(category("50.00")), profile(50, 7, 3), ROUNDING);

		assertThat(line.euros()).isEqualByComparingTo("5.75");
		assertThat(line.formula()).contains("3 patients C2S sur 10").contains("11,50");
	}

	@Test
	void exactlySevenPercentIsNotAboveTheThreshold() {
		// 7 C2S of 100 = 7 %: not above 7 %, no uplift
		StreamLine line = MtPrecarity.line(RULE, List.of(category("500.00")), profile(50, 93, 7), ROUNDING);

		assertThat(line.euros()).isEqualByComparingTo("0");
		assertThat(line.note()).isEqualTo("part de patients C2S trop faible");
	}

	@Test
	void theRateStopsAtItsCap() {
		// 4 C2S of 4: (100 % − 7 %) × 0.5 = 46.5 %, capped at 25 %; 20 € × 0.25 = 5 €
		StreamLine line = MtPrecarity.line(RULE, List.of(category("20.00")), profile(50, 0, 4), ROUNDING);

		assertThat(line.euros()).isEqualByComparingTo("5.00");
		assertThat(line.note()).contains("plafonnée à 25,00");
	}

	private static MedecinTraitantProfile profile(int age, long notC2s, long c2s) {
		return new MedecinTraitantProfile(Map.of(MedecinTraitantProfile.kind(age, false, false, false), notC2s,
				MedecinTraitantProfile.kind(age, false, true, false), c2s).entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	private static StreamLine category(String euros) {
		return new StreamLine("CAT", "catégorie", "", "patients", BigDecimal.ONE, null, "", new BigDecimal(euros), "",
				ValueStatus.CONFIRMED, List.of());
	}

}
