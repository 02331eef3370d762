package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.List;

/**
 * The statement as a letter to the centre manager: page 1 says what is paid and why, page 2 shows
 * each paid line with its arithmetic, the annex gives every commitment in detail. Built by
 * {@link StatementLetterBuilder} from the same result as the rest of {@link StatementView}; the
 * templates only lay it out (nothing is computed there).
 *
 * @param header the running header of every page: centre, FINESS, exercice
 * @param opening the first line of the letter when something overrides the rest (no declaration),
 * else empty
 * @param identity the centre in one sentence
 * @param dueLine when what is paid now is paid, from the payment calendar, else empty
 * @param why in plain French, why the amounts are what they are: socle, point value, uplift, pro-rata
 * @param improvementsIntro the sentence that introduces {@code improvements}, empty when there are none
 * @param improvements the unmet commitments that would bring the most, most first (at most three,
 * after the socle when it failed)
 * @param sections one per payment stream, the forfait first: the lines paid, with their arithmetic
 * @param indicators every commitment of the forfait, for the annex
 * @param marks the legend of the marks used on this statement, one entry per kind of mark
 */
public record StatementLetter(String header, String opening, String identity, String dueLine, List<String> why,
		String improvementsIntro, List<Improvement> improvements, List<Section> sections, List<Indicator> indicators,
		List<String> marks) {

	/** An unmet commitment and what meeting it would bring, with the mark of its value. */
	public record Improvement(String label, BigDecimal euros, String mark) {
	}

	/**
	 * A payment stream's lines on page 2.
	 *
	 * @param remark the sentence under the table on page 2 (socle not met, commitments left to the
	 * annex, no line), else empty
	 * @param notes the stream's notes (how the patients were counted…), in the annex
	 */
	public record Section(String title, List<Line> lines, BigDecimal totalEuros, String remark, List<String> notes) {
	}

	/**
	 * One line of page 2.
	 *
	 * @param detail what the line is about beyond its label (a contract, its dates and FTE), or empty
	 * @param arithmetic the computation with the line's own numbers, ending with its euros
	 * @param text the legal text the line's values come from, and the exercice it applies from
	 * @param mark the provisional mark of the line's own rule values, empty when confirmed
	 * @param note why it pays less than it could, or empty
	 */
	public record Line(String label, String detail, String arithmetic, String text, BigDecimal euros, String mark,
			String note) {
	}

	/**
	 * A commitment of the forfait in the annex.
	 *
	 * @param ifMet what meeting it would pay and how, for an unpaid commitment that could pay, else empty
	 * @param mark the provisional mark, printed here only for a value not marked elsewhere
	 */
	public record Indicator(String label, String socle, String declared, String verdict, String note,
			BigDecimal euros, String ifMet, String text, String mark, boolean paid) {
	}

}
