package fr.cds.remuneration.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Zone;

/**
 * Validates a row of contracts.csv: a known centre, a contract number unique for the centre, a
 * contract kind that an aid of the rule set pays, dates that give the contract at least one day in
 * the exercice, a positive FTE and a zone.
 */
public class ContractRowValidator implements ItemProcessor<CsvRow, Validated<Contract>> {

	/** Contract numbers: letters, digits, {@code . _ / -}, as CPAMs number them. */
	private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9._/-]{1,40}");

	private final int exercice;

	private final List<String> kinds;

	private final Map<String, CentreType> centres;

	private final InputLimits limits;

	private final Set<String> seen;

	/**
	 * @param kinds the contract kinds the rule set's aids pay
	 * @param centres accepted centres of the run, by FINESS
	 * @param alreadyAccepted {@code finess|number} keys accepted before a restart
	 */
	public ContractRowValidator(int exercice, List<String> kinds, Map<String, CentreType> centres, InputLimits limits,
			Set<String> alreadyAccepted) {
		this.exercice = exercice;
		this.kinds = List.copyOf(kinds);
		this.centres = centres;
		this.limits = limits;
		this.seen = new HashSet<>(alreadyAccepted);
	}

	@Override
	public Validated<Contract> process(CsvRow row) {
		RowChecker check = new RowChecker(row);
		Optional<Finess> finess = check.finess("finess");
		if (finess.isPresent() && !this.centres.containsKey(finess.get().value())) {
			check.reject("finess", finess.get().value(), "centre inconnu (absent de centres.csv ou rejeté)");
		}
		Optional<String> number = check.parsed("numero_contrat", n -> Optional.of(n).filter(NUMBER.asMatchPredicate()),
				"lettres, chiffres, « . _ / - », 40 caractères au plus");
		Optional<String> kind = check.parsed("type_contrat", k -> Optional.of(k).filter(this.kinds::contains),
				String.join(", ", this.kinds));
		Optional<LocalDate> start = check.date("date_debut", true);
		Optional<LocalDate> end = check.date("date_fin", false);
		checkDates(check, start, end);
		Optional<BigDecimal> fte = fte(check);
		Optional<Zone> zone = check.parsed("zone", Zone::fromFileValue, "ZIP, ZAC ou HORS_ZONE");
		if (!check.hasRejects() && !this.seen.add(finess.get().value() + "|" + number.get())) {
			check.reject("numero_contrat", number.get(), "contrat en double pour ce centre");
		}
		return check.result(() -> new Contract(finess.get(), number.get(), kind.get(), start.get(), end.orElse(null),
				fte.get(), zone.get()));
	}

	private void checkDates(RowChecker check, Optional<LocalDate> start, Optional<LocalDate> end) {
		if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
			check.reject("date_fin", end.get().toString(), "fin du contrat antérieure à son début");
			return;
		}
		if (start.filter(s -> s.getYear() > this.exercice).isPresent()) {
			check.reject("date_debut", start.get().toString(), "contrat commençant après l'exercice " + this.exercice);
		}
		if (end.filter(e -> e.getYear() < this.exercice).isPresent()) {
			check.reject("date_fin", end.get().toString(), "contrat terminé avant l'exercice " + this.exercice);
		}
	}

	/** The contract's FTE: required and above zero (a contract of no FTE pays nothing and is an error). */
	private Optional<BigDecimal> fte(RowChecker check) {
		if (check.required("etp").isEmpty()) {
			return Optional.empty();
		}
		Optional<BigDecimal> fte = check.decimal("etp", this.limits.maxFtePerProfession());
		if (fte.filter(f -> f.signum() == 0).isPresent()) {
			check.reject("etp", fte.get().toPlainString(), "ETP nul : un contrat couvre au moins une fraction d'ETP");
			return Optional.empty();
		}
		return fte;
	}

}
