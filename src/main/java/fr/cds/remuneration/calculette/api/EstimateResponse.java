package fr.cds.remuneration.calculette.api;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.cds.remuneration.calculette.CalculettePage;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.output.StreamSection;

/**
 * The explained estimate, as the calculette's page shows it: the statement the payment run would
 * write for these values (in French), every payment estimated or said not to be, and the totals.
 */
@Schema(description = "L'estimation expliquée : le relevé que le calcul officiel écrirait pour ces valeurs")
public record EstimateResponse(@Schema(example = "Relevé de la rémunération forfaitaire et des autres paiements — exercice 2024") String titre,
		@Schema(example = "930000013") String finess,
		@Schema(description = "Total de la rémunération forfaitaire, en euros", example = "27767.74") BigDecimal totalForfait,
		@Schema(description = "Total de tous les paiements estimés, en euros", example = "50786.69") BigDecimal totalGeneral,
		List<Rubrique> rubriques, List<Indicateur> indicateurs, List<Paiement> paiements, List<String> notes) {

	/** A header field of the statement. */
	public record Rubrique(String libelle, String valeur, String note) {
	}

	/** An indicator line of the forfait. */
	public record Indicateur(String code, String libelle, String socle, String reponse, String resultat, String note,
			String formule, BigDecimal montant, boolean provisoire) {
	}

	/** A payment outside the forfait: estimated with its lines, or not, with the reason. */
	public record Paiement(String paiement, String titre, boolean estime,
			@Schema(description = "Pourquoi le paiement n'est pas estimé (absent s'il l'est)") String raison,
			BigDecimal total, List<Ligne> lignes, List<String> notes) {
	}

	/** A line of a payment: what is counted, how, and the amount (caps applied and said). */
	public record Ligne(String code, String libelle, String detail, String base, String formule, BigDecimal montant,
			String note, boolean provisoire) {
	}

	static EstimateResponse of(CalculettePage.EstimateView estimate) {
		StatementView view = estimate.statement();
		return new EstimateResponse(view.title(), view.finess(), view.totalEuros(), view.grandTotalEuros(),
				view.fields()
					.stream()
					.filter(f -> !f.label().startsWith("Total"))
					.map(f -> new Rubrique(f.label(), f.value(), f.note()))
					.toList(),
				view.lines()
					.stream()
					.map(l -> new Indicateur(l.code(), l.label(), l.socle(), l.declared(), l.verdict(), l.verdictNote(),
							l.formula(), l.euros(), l.provisional()))
					.toList(),
				estimate.streams().stream().map(EstimateResponse::payment).toList(), view.notes());
	}

	private static Paiement payment(CalculettePage.StreamEstimate stream) {
		StreamSection section = stream.section();
		if (!stream.estimated()) {
			return new Paiement(section.stream(), section.title(), false, stream.reason(), null, List.of(), List.of());
		}
		return new Paiement(section.stream(), section.title(), true, null, section.totalEuros(),
				section.lines()
					.stream()
					.map(r -> new Ligne(r.code(), r.label(), r.detail(), r.quantity() + " " + r.base(), r.formula(),
							r.euros(), r.note(), r.provisional()))
					.toList(),
				section.notes());
	}

}
