package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.ComponentLine;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.engine.UpliftResult;
import fr.cds.remuneration.engine.Verdict;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * Writes the letter part of a statement ({@link StatementLetter}) from a centre's result: every
 * sentence and figure here comes from the engine's explanation (verdicts, labels, arithmetic,
 * what-if euros); this class only chooses and words them.
 */
final class StatementLetterBuilder {

	/**
	 * "2019, 2022, 2024" → "2019, 2022 et 2024": compiled once ({@code String.replaceAll} compiled
	 * it for every legal text of every line of every statement, issue 21).
	 */
	private static final Pattern LAST_OF_SEVERAL = Pattern.compile(", (\\d+)$");

	/** How many unmet commitments page 1 suggests. */
	private static final int IMPROVEMENTS = 3;

	private final CentreResult result;

	private final Marks marks = new Marks();

	/** An estimate of the calculette, not a statement: its opening speaks of answers, not declarations. */
	private final boolean estimate;

	private StatementLetterBuilder(CentreResult result, boolean estimate) {
		this.result = result;
		this.estimate = estimate;
	}

	/**
	 * @param dueNote when the balances are due, from the payment calendar, or empty
	 * @param estimate whether the letter is the calculette's estimate
	 */
	static StatementLetter of(CentreResult result, String dueNote, boolean estimate) {
		return new StatementLetterBuilder(result, estimate).build(dueNote);
	}

	private StatementLetter build(String dueNote) {
		var centre = this.result.centre();
		String header = centre.name() + " — FINESS " + centre.finess() + " — exercice " + this.result.exercice();
		String identity = centre.name() + " (centre " + centre.typeLabel() + "), FINESS " + centre.finess() + ", "
				+ centre.departementName() + " (" + centre.departement() + "), " + centre.regionName()
				+ " — exercice " + this.result.exercice() + ", payé en " + (this.result.exercice() + 1) + ".";
		List<String> why = why();
		List<IndicatorLine> suggested = suggestions();
		List<StatementLetter.Improvement> improvements = improvements(suggested);
		String intro = improvements.isEmpty() ? ""
				: this.result.socle().met() ? "Les engagements non remplis qui rapporteraient le plus, aux valeurs de l'exercice "
						+ this.result.exercice() + " :"
						: "Ce que le centre aurait perçu, aux valeurs de l'exercice " + this.result.exercice() + " :";
		List<StatementLetter.Section> sections = new ArrayList<>();
		sections.add(forfait());
		this.result.streams().forEach(stream -> sections.add(stream(stream)));
		List<StatementLetter.Indicator> indicators = this.result.lines()
			.stream()
			.map(this::indicator)
			.toList();
		return new StatementLetter(header, opening(), identity,
				dueNote.isEmpty() ? "" : FrenchFormat.capitalized(dueNote) + ".", why, intro, improvements,
				List.copyOf(sections), indicators, this.marks.legend());
	}

	/** A centre that declared nothing is told so first: everything else follows from it. */
	private String opening() {
		boolean declaredNothing = !this.result.lines().isEmpty()
				&& this.result.lines().stream().allMatch(l -> l.declared() == null);
		if (!declaredNothing) {
			return "";
		}
		if (this.estimate) {
			return "Aucun engagement renseigné : sans réponse, le socle n'est pas atteint et la rémunération"
					+ " forfaitaire estimée est de 0,00 €.";
		}
		return "Aucune déclaration reçue : le centre n'a transmis aucune déclaration d'engagements pour l'exercice "
				+ this.result.exercice() + " ; sans elle, le socle n'est pas atteint et la rémunération forfaitaire"
				+ " est de 0,00 €. Les autres paiements ci-dessous ne dépendent pas du socle.";
	}

	private List<String> why() {
		List<String> why = new ArrayList<>();
		why.add(socle());
		if (this.result.socle().met()) {
			long met = this.result.lines().stream().filter(IndicatorLine::paid).count();
			long offered = this.result.lines().stream().filter(l -> l.verdict() != Verdict.REMOVED).count();
			BigDecimal points = this.result.lines()
				.stream()
				.filter(IndicatorLine::paid)
				.map(l -> l.total().value())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String sentence = "Rémunération forfaitaire : " + met + (met > 1 ? " engagements atteints" : " engagement atteint")
					+ " sur " + offered;
			if (this.result.unit() == Unit.POINTS && this.result.pointValueEur() != null) {
				sentence += ", soit " + FrenchFormat.decimal(points, 2) + " points payés "
						+ FrenchFormat.euros(this.result.pointValueEur()) + " le point"
						+ mark(this.result.pointValueProvenance().status());
			}
			why.add(sentence + ".");
		}
		if (this.result.uplift() != null) {
			why.add(uplift(this.result.uplift()));
		}
		var prorata = this.result.prorata();
		if (!prorata.isFullYear()) {
			why.add("Année partielle : le centre a été ouvert et conventionné " + prorata.daysOpen() + " jours sur "
					+ prorata.daysInExercice() + " (du " + FrenchFormat.date(prorata.from()) + " au "
					+ FrenchFormat.date(prorata.to()) + ") ; chaque montant de la rémunération forfaitaire est multiplié par "
					+ prorata.daysOpen() + "/" + prorata.daysInExercice() + mark(prorata.status()) + ".");
		}
		if (this.result.rejectedRows() > 0) {
			why.add(this.result.rejectedRows() > 1
					? "Attention : " + this.result.rejectedRows() + " lignes de données transmises pour ce centre ont été"
							+ " rejetées et ne sont pas prises en compte (voir l'annexe)."
					: "Attention : 1 ligne de données transmise pour ce centre a été rejetée et n'est pas prise en compte"
							+ " (voir l'annexe).");
		}
		return List.copyOf(why);
	}

	/** The socle verdict by the commitments' names, never their codes alone. */
	private String socle() {
		var socle = this.result.socle();
		List<IndicatorLine> socleLines = this.result.lines().stream().filter(IndicatorLine::socle).toList();
		if (!socle.met()) {
			String failed = this.result.lines()
				.stream()
				.filter(l -> socle.failed().contains(l.code()))
				.map(l -> "«\u00A0" + l.label() + "\u00A0»" + (l.verdictNote() == null ? "" : " (" + l.verdictNote() + ")"))
				.collect(Collectors.joining(", "));
			return "Socle non atteint : " + failed + (socle.failed().size() > 1 ? " ne sont pas remplis" : " n'est pas rempli")
					+ " ; or tous les engagements du socle doivent l'être pour que la rémunération forfaitaire soit due :"
					+ " elle est de 0,00 € pour l'exercice.";
		}
		String names = socleLines.stream()
			.filter(l -> l.verdict().counts())
			.map(l -> "«\u00A0" + l.label() + "\u00A0»")
			.collect(Collectors.joining(", "));
		if (socle.derogation() != null) {
			// one colon only (issue 17: « Socle : nouveau centre (…) : socle réputé atteint » read as a slip)
			return FrenchFormat.capitalized(socle.derogation()) + " : engagements du socle " + names + ".";
		}
		return "Socle atteint : " + names + ".";
	}

	private String uplift(UpliftResult uplift) {
		String rates = "taux C2S " + FrenchFormat.percent(uplift.c2sRate()) + " et AME " + FrenchFormat.percent(uplift.ameRate())
				+ " de la patientèle, pour des taux nationaux de " + FrenchFormat.percent(uplift.nationalC2sRate()) + " et "
				+ FrenchFormat.percent(uplift.nationalAmeRate()) + mark(uplift.status());
		if (uplift.rate().signum() == 0) {
			return "Pas de majoration précarité : " + rates + ".";
		}
		return "Majoration précarité de " + FrenchFormat.percent(uplift.rate())
				+ (uplift.capped() ? " (plafond atteint)" : "") + " sur les parts qui dépendent du nombre de patients : "
				+ rates + ".";
	}

	/**
	 * The unmet commitments that would pay the most; when the socle failed, what the centre would
	 * have earned with it comes first.
	 */
	private List<IndicatorLine> suggestions() {
		return this.result.lines()
			.stream()
			.filter(l -> l.verdict() == Verdict.NOT_MET && !l.socle() && l.potentialEuros().signum() > 0)
			.sorted(Comparator.comparing(IndicatorLine::potentialEuros).reversed())
			.limit(IMPROVEMENTS)
			.toList();
	}

	private List<StatementLetter.Improvement> improvements(List<IndicatorLine> suggested) {
		List<StatementLetter.Improvement> improvements = new ArrayList<>();
		if (!this.result.socle().met()) {
			BigDecimal withSocle = this.result.lines()
				.stream()
				.filter(l -> l.verdict().counts() || l.socle())
				.map(IndicatorLine::potentialEuros)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String failed = this.result.lines()
				.stream()
				.filter(l -> this.result.socle().failed().contains(l.code()))
				.map(l -> "«\u00A0" + l.label() + "\u00A0»")
				.collect(Collectors.joining(", "));
			improvements.add(new StatementLetter.Improvement("avec le socle atteint (" + failed
					+ "), la rémunération forfaitaire", withSocle, ""));
		}
		for (IndicatorLine line : suggested) {
			improvements.add(new StatementLetter.Improvement(
					(this.result.socle().met() ? "«\u00A0" : "et, en plus, «\u00A0") + line.label() + "\u00A0»", line.potentialEuros(),
					mark(own(line))));
		}
		return List.copyOf(improvements);
	}

	private StatementLetter.Section forfait() {
		List<StatementLetter.Line> lines = this.result.lines()
			.stream()
			.filter(IndicatorLine::paid)
			.map(l -> new StatementLetter.Line(l.label(), "", arithmetic(l), texts(componentProvenances(l)), l.euros(),
					mark(own(l)), l.verdictNote() == null ? "" : l.verdictNote()))
			.toList();
		long unpaid = this.result.lines().stream().filter(l -> !l.paid() && l.verdict() != Verdict.REMOVED).count();
		String remark = !this.result.socle().met() ? "Aucune ligne payée : le socle n'est pas atteint (détail en annexe)."
				: lines.isEmpty() ? "Aucun engagement atteint."
						: unpaid == 0 ? ""
								: unpaid + (unpaid > 1 ? " engagements ne sont pas payés" : " engagement n'est pas payé")
										+ " (non atteints ou non éligibles) : détail en annexe.";
		String title = "Rémunération forfaitaire";
		return new StatementLetter.Section(title, lines, this.result.totalEuros(), remark, List.of());
	}

	private StatementLetter.Section stream(StreamResult stream) {
		List<StatementLetter.Line> lines = stream.lines()
			.stream()
			.map(l -> new StatementLetter.Line(l.label(), l.detail(),
					l.formula().isEmpty() ? "" : l.formula() + " = " + FrenchFormat.euros(l.euros()), texts(l.provenances()), l.euros(), l.euros().signum() == 0 ? "" : mark(l.status()), l.note()))
			.toList();
		return new StatementLetter.Section(stream.title(), lines, stream.totalEuros(),
				lines.isEmpty() && stream.notes().isEmpty() ? "Aucune ligne pour l'exercice." : "", stream.notes());
	}

	private StatementLetter.Indicator indicator(IndicatorLine line) {
		boolean couldPay = !line.paid() && (line.verdict().counts() || line.verdict() == Verdict.NOT_MET)
				&& line.potentialEuros().signum() > 0;
		String ifMet = couldPay ? arithmetic(line) : "";
		// what an unmet commitment would pay is not paid: its values are not marked line by line (the
		// annex says once that they may be provisional), except the three page 1 suggests
		String mark = "";
		return new StatementLetter.Indicator(line.label(), line.socle() ? "oui" : "non",
				line.declared() == null ? "—" : line.declared(), line.verdict().label(),
				line.verdictNote() == null ? "" : line.verdictNote(), line.euros(), ifMet,
				texts(componentProvenances(line)), mark, line.paid());
	}

	/** The engine's arithmetic, or (for a result stored before it was recorded) its parts. */
	private static String arithmetic(IndicatorLine line) {
		if (line.arithmetic() != null) {
			return line.arithmetic();
		}
		return line.components().stream().map(ComponentLine::formula).collect(Collectors.joining(" + "));
	}

	/**
	 * The status of the line's own rule values (its parts, its socle flag, a neutralisation), not of
	 * the point value, uplift or pro-rata it shares with every line: those are marked once, on page 1.
	 */
	private static ValueStatus own(IndicatorLine line) {
		return line.provenances() == null ? line.status() : Provenance.weakestOf(line.provenances());
	}

	private static List<Provenance> componentProvenances(IndicatorLine line) {
		List<Provenance> provenances = line.components().stream().map(ComponentLine::provenance).toList();
		return provenances.isEmpty() && line.provenances() != null ? line.provenances() : provenances;
	}

	/**
	 * The legal texts of these values, each with the exercice the value applies from (the rule
	 * data's {@code from}; for a result stored before it was recorded, the text's first exercice).
	 */
	private String texts(Collection<Provenance> provenances) {
		Map<String, SortedSet<Integer>> byTitle = new LinkedHashMap<>();
		for (Provenance provenance : provenances) {
			if (provenance.textId() == null) {
				continue;
			}
			var text = this.result.ruleSet().text(provenance.textId());
			Integer from = provenance.from() != null ? provenance.from()
					: text.map(CentreResult.TextRef::firstExercice).orElse(null);
			SortedSet<Integer> exercices = byTitle.computeIfAbsent(
					text.map(CentreResult.TextRef::title).orElse(provenance.textId()), t -> new TreeSet<>());
			if (from != null) {
				exercices.add(from);
			}
		}
		return byTitle.entrySet()
			.stream()
			.map(e -> e.getKey() + (e.getValue().isEmpty() ? ""
					: e.getValue().size() == 1 ? ", depuis l'exercice " + e.getValue().first()
							: ", depuis les exercices " + e.getValue()
								.stream()
								.map(String::valueOf)
								.collect(Collectors.joining(", "))
								.transform(joined -> LAST_OF_SEVERAL.matcher(joined).replaceAll(" et $1"))))
			.collect(Collectors.joining(" ; "));
	}

	private String mark(ValueStatus status) {
		String mark = this.marks.of(status);
		return mark.isEmpty() ? "" : " " + mark;
	}

}
