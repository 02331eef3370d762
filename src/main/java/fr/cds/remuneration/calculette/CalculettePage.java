package fr.cds.remuneration.calculette;

import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.output.StatementHtmlWriter;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.output.StreamSection;

/**
 * Everything the calculette page shows: the choice of exercice and type, the form of that choice
 * with the values typed and the problems found, and the estimate when there is one.
 *
 * @param layout the form, or {@code null} until a valid exercice and type are chosen
 * @param problems every refused value with its message, in the order of the form
 * @param estimate the explained estimate, or {@code null} before one is asked or when a value is refused
 */
public record CalculettePage(List<Integer> exercices, List<CentreType> types, String exercice, String type,
		FormLayout layout, FormValues values, List<Problem> problems, EstimateView estimate) {

	/** A refused value: the field it belongs to, the field's label, and why. */
	public record Problem(String field, String label, String message) {

		/** The id of the field on the page: the choices of exercice and type have their own form. */
		public String anchor() {
			return this.field.equals(Calculette.EXERCICE) || this.field.equals(Calculette.TYPE) ? "choix-" + this.field
					: this.field;
		}

	}

	/**
	 * The estimate: the statement the payment run would write for these inputs, what more
	 * commitments would add, and the next exercice's rules side by side.
	 *
	 * @param comparison the next exercice side by side, or {@code null} when no next exercice is offered
	 * @param nextValues the form's values carried to the next exercice, to open its form with them
	 */
	public record EstimateView(StatementView statement, List<WhatIfs.WhatIf> whatIfs, Comparison comparison,
			FormValues nextValues, List<StreamEstimate> streams) {

		/** Page 1 of the estimate, laid out as the statement's ({@link StatementHtmlWriter}). */
		public String letterPage1() {
			return StatementHtmlWriter.page1(this.statement, this.streams);
		}

		/** The estimate's lines with their arithmetic, laid out as the statement's. */
		public String letterDetails() {
			return StatementHtmlWriter.details(this.statement, this.streams);
		}

		/** The estimate's annex, laid out as the statement's. */
		public String letterAnnex() {
			return StatementHtmlWriter.annex(this.statement, this.streams);
		}

	}

	/**
	 * A payment outside the forfait in the estimate: its section of the statement, or why it was not
	 * estimated (then it has no amount: it is not shown as 0 €).
	 *
	 * @param reason why the payment was not estimated, or {@code null} when it was
	 */
	public record StreamEstimate(StreamSection section, String reason) implements StatementHtmlWriter.EstimatedStream {

		public boolean estimated() {
			return this.reason == null;
		}

	}

	/** The contract slots the form shows, numbered from 1. */
	public List<Integer> contractSlots() {
		return CentreValuesMapping.contractSlots(this.values);
	}

	/** The messages for {@code field}, for display next to it. */
	public List<String> problemsOf(String field) {
		return this.problems.stream().filter(p -> p.field().equals(field)).map(Problem::message).toList();
	}

	public boolean hasProblem(String field) {
		return this.problems.stream().anyMatch(p -> p.field().equals(field));
	}

	/**
	 * The ids of the help and of the error shown next to {@code field}, for its
	 * {@code aria-describedby}; {@code null} when it has neither.
	 */
	public String describedBy(String field, String hint) {
		List<String> ids = new ArrayList<>();
		if (hint != null && !hint.isBlank()) {
			ids.add(field + "-aide");
		}
		if (hasProblem(field)) {
			ids.add(field + "-erreur");
		}
		return ids.isEmpty() ? null : String.join(" ", ids);
	}

}
