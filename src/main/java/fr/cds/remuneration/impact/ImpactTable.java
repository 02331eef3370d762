package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * The per-centre table, the same columns in the CSV and the XLSX: the draft, who the centre is,
 * before / after / difference per payment stream and in all, the socle verdict on each side and the
 * indicators that moved.
 */
final class ImpactTable {

	/** Columns before the amounts: text. */
	static final List<String> IDENTITY = List.of("projet", "regles_projet", "finess", "raison_sociale", "type_centre",
			"code_region", "region");

	/** Columns after the amounts: text. */
	static final List<String> VERDICTS = List.of("socle_avant", "socle_apres", "indicateurs_modifies");

	private ImpactTable() {
	}

	static List<String> header() {
		List<String> header = new ArrayList<>(IDENTITY);
		for (PaymentStream stream : PaymentStream.values()) {
			String name = stream.name().toLowerCase(Locale.ROOT);
			header.addAll(List.of(name + "_avant_eur", name + "_apres_eur", name + "_ecart_eur"));
		}
		header.addAll(List.of("total_avant_eur", "total_apres_eur", "total_ecart_eur"));
		header.addAll(VERDICTS);
		return header;
	}

	static List<String> identity(Draft draft, CentreImpact centre) {
		CentreResult.CentreIdentity who = centre.after().centre();
		return List.of(draft.name(), draft.reference(), who.finess(), who.name(), who.typeLabel(), who.regionCode(),
				who.regionName());
	}

	/** Before, after and difference of each stream, then of all of them. */
	static List<BigDecimal> amounts(CentreImpact centre) {
		List<BigDecimal> amounts = new ArrayList<>();
		var before = CentreImpact.byStream(centre.before());
		var after = CentreImpact.byStream(centre.after());
		for (PaymentStream stream : PaymentStream.values()) {
			amounts.addAll(List.of(before.get(stream), after.get(stream), after.get(stream).subtract(before.get(stream))));
		}
		BigDecimal totalBefore = CentreImpact.total(centre.before());
		BigDecimal totalAfter = CentreImpact.total(centre.after());
		amounts.addAll(List.of(totalBefore, totalAfter, totalAfter.subtract(totalBefore)));
		return amounts;
	}

	static List<String> verdicts(CentreImpact centre) {
		return List.of(socle(centre.before()), socle(centre.after()), centre.movedCodes());
	}

	static String socle(CentreResult result) {
		return result.socle().met() ? "atteint" : "non atteint";
	}

}
