package fr.cds.remuneration.input;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;

/**
 * Validates a row of declarations.csv against the accepted centres and the indicators of the
 * exercice: known centre, right exercice, known indicator that applies to the centre's type,
 * answer of the indicator's form, one answer per centre and indicator. The supplements paid per act
 * are declared in the same file, as a count of acts.
 */
public class DeclarationRowValidator implements ItemProcessor<CsvRow, Validated<DeclarationAnswer>> {

	private final ExerciceRules rules;

	private final Map<String, CentreType> centres;

	/** The accepted centres' FINESS, parsed once: a row naming one is not parsed again. */
	private final Map<String, Finess> knownCentres = new HashMap<>();

	private final Map<String, ExerciceIndicator> indicators = new HashMap<>();

	private final Map<String, ExercicePayments.ActSupplement> supplements = new HashMap<>();

	/** The code of the new-centre declaration, if the exercice has one. */
	private final String newCentreCode;

	private final String expectedExercice;

	/**
	 * The indicators answered so far, by centre: small sets, where one set of 59 k
	 * {@code finess|indicator} keys was a quarter of the validation (issue 21).
	 */
	private final Map<String, Set<String>> seen = new HashMap<>();

	/**
	 * @param centres accepted centres of the run, by FINESS
	 * @param alreadyAccepted {@code finess|indicator} keys accepted before a restart
	 */
	public DeclarationRowValidator(ExerciceRules rules, Map<String, CentreType> centres, Set<String> alreadyAccepted) {
		this.rules = rules;
		this.centres = centres;
		centres.keySet().forEach(f -> this.knownCentres.put(f, new Finess(f)));
		rules.indicators().forEach(i -> this.indicators.put(i.code(), i));
		rules.payments().actSupplements().forEach(s -> this.supplements.putIfAbsent(s.code(), s));
		this.newCentreCode = rules.newCentreDeclaration().map(d -> d.value()).orElse(null);
		this.expectedExercice = "l'exercice " + rules.exercice();
		for (String key : alreadyAccepted) {
			int bar = key.indexOf('|');
			answered(key.substring(0, bar)).add(key.substring(bar + 1));
		}
	}

	@Override
	public Validated<DeclarationAnswer> process(CsvRow row) {
		RowChecker check = new RowChecker(row);
		Optional<Finess> finess = check.finess("finess", this.knownCentres);
		CentreType type = finess.map(f -> this.centres.get(f.value())).orElse(null);
		if (finess.isPresent() && type == null) {
			check.reject("finess", finess.get().value(), "centre inconnu (absent de centres.csv ou rejeté)");
		}
		check.parsed("exercice", DeclaredAnswer::asNumber, this.expectedExercice)
			.filter(e -> e != this.rules.exercice())
			.ifPresent(e -> check.reject("exercice", e.toString(),
					"déclaration d'un autre exercice (attendu : " + this.rules.exercice() + ")"));
		Optional<String> indicator = check.required("indicateur").map(String::strip);
		Optional<String> value = check.required("valeur");
		if (indicator.isPresent() && value.isPresent()) {
			checkAnswer(check, indicator.get(), value.get(), type);
		}
		if (!check.hasRejects() && !answered(finess.get().value()).add(indicator.get())) {
			check.reject("indicateur", indicator.get(), "réponse en double pour ce centre et cet indicateur");
		}
		return check.result(() -> new DeclarationAnswer(finess.get(), indicator.get(), value.get().strip()));
	}

	private Set<String> answered(String finess) {
		return this.seen.computeIfAbsent(finess, f -> new HashSet<>());
	}

	private void checkAnswer(RowChecker check, String code, String value, CentreType type) {
		if (code.equals(this.newCentreCode)) {
			if (DeclaredAnswer.asYesNo(value).isEmpty()) {
				check.reject("valeur", value, "valeur non reconnue (attendu : oui ou non)");
			}
			return;
		}
		ExercicePayments.ActSupplement supplement = this.supplements.get(code);
		if (supplement != null) {
			checkCount(check, code, value, type, supplement);
			return;
		}
		ExerciceIndicator indicator = this.indicators.get(code);
		if (indicator == null) {
			check.reject("indicateur", code, "indicateur inconnu pour l'exercice " + this.rules.exercice());
			return;
		}
		AnswerType answer = indicator.rule().answer();
		if (answer == AnswerType.AUTOMATIC) {
			check.reject("indicateur", code, "indicateur calculé automatiquement : il ne se déclare pas");
			return;
		}
		if (type != null && !indicator.appliesTo(type)) {
			check.reject("indicateur", code, "indicateur non applicable aux centres de type " + type.label());
		}
		Optional<Integer> quantity = DeclaredAnswer.asQuantity(answer, value);
		if (answer == AnswerType.LEVEL && quantity.isPresent() && indicator.rule().maxLevel() != null
				&& quantity.get() > indicator.rule().maxLevel()) {
			check.reject("valeur", value, "niveau inconnu (attendu : un niveau de 0 à " + indicator.rule().maxLevel() + ")");
		}
		if (quantity.isEmpty()) {
			check.reject("valeur", value, "valeur non reconnue (attendu : " + switch (answer) {
				case YES_NO -> "oui ou non";
				case LEVEL -> "un niveau de 0 à " + indicator.rule().maxLevel();
				case RATE -> "un taux de réalisation en %, de 0 à 100";
				default -> "un nombre entier positif ou nul";
			} + ")");
		}
	}

	/** A supplement paid per act is declared as the count of acts of the exercice. */
	private static void checkCount(RowChecker check, String code, String value, CentreType type,
			ExercicePayments.ActSupplement supplement) {
		if (type != null && !supplement.appliesTo(type)) {
			check.reject("indicateur", code, "supplément non applicable aux centres de type " + type.label());
		}
		if (DeclaredAnswer.asNumber(value).isEmpty()) {
			check.reject("valeur", value, "valeur non reconnue (attendu : un nombre d'actes entier positif ou nul)");
		}
	}

}
