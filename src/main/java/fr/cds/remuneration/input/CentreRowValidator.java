package fr.cds.remuneration.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Region;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.centre.StaffFte;
import fr.cds.remuneration.centre.Zone;

/**
 * Validates a row of centres.csv into a {@link Centre}: FINESS, type, département (and its
 * consistency with the FINESS), dates against the exercice, zone, every FTE column, and the
 * optional IBAN and BIC.
 */
public class CentreRowValidator implements ItemProcessor<CsvRow, Validated<Centre>> {

	private final int exercice;

	private final RegionTable regions;

	private final InputLimits limits;

	private final Set<String> seen;

	/** @param alreadyAccepted FINESS accepted before a restart, so duplicates are still caught */
	public CentreRowValidator(int exercice, RegionTable regions, InputLimits limits, Set<String> alreadyAccepted) {
		this.exercice = exercice;
		this.regions = regions;
		this.limits = limits;
		this.seen = new HashSet<>(alreadyAccepted);
	}

	@Override
	public Validated<Centre> process(CsvRow row) {
		RowChecker check = new RowChecker(row);
		Optional<Finess> finess = check.finess("finess");
		Optional<String> name = check.required("raison_sociale");
		Optional<CentreType> type = check.parsed("type", CentreType::fromFileValue,
				"medical, polyvalent, dentaire ou infirmier");
		Optional<Region> region = check.parsed("departement", d -> this.regions.forDepartement(d.toUpperCase()),
				"un code département officiel");
		if (finess.isPresent() && region.isPresent()
				&& !finess.get().departement().equals(region.get().departement())) {
			check.reject("departement", region.get().departement(),
					"le département ne correspond pas au FINESS (" + finess.get().departement() + ")");
		}
		Optional<LocalDate> adhesion = check.date("date_adhesion", true);
		Optional<LocalDate> opening = check.date("date_ouverture", true);
		Optional<LocalDate> closing = check.date("date_fermeture", false);
		checkDates(check, adhesion, opening, closing);
		Optional<Zone> zone = check.parsed("zone", Zone::fromFileValue, "ZIP, ZAC ou HORS_ZONE");
		Map<Profession, BigDecimal> fte = new EnumMap<>(Profession.class);
		for (Profession profession : Profession.values()) {
			check.decimal(InputFile.FTE_PREFIX + profession.column(), this.limits.maxFtePerProfession())
				.ifPresent(value -> fte.put(profession, value));
		}
		checkBankAccount(check, row);
		if (finess.isPresent() && !check.hasRejects() && !this.seen.add(finess.get().value())) {
			check.reject("finess", finess.get().value(), "centre en double dans le fichier");
		}
		return check.result(() -> new Centre(finess.get(), name.get(), type.get(), region.get(), adhesion.get(),
				opening.get(), closing.orElse(null), zone.get(), new StaffFte(fte)));
	}

	/**
	 * The optional account columns: an IBAN or a BIC given must be valid (a transfer to a wrong
	 * account is worse than no transfer); a centre without IBAN is computed, and its transfer held
	 * by the payer's desk until an account is supplied.
	 */
	private static void checkBankAccount(RowChecker check, CsvRow row) {
		String iban = row.get(InputFile.IBAN).strip();
		String bic = row.get(InputFile.BIC).strip();
		if (!iban.isEmpty()) {
			BankAccount.ibanProblem(iban).ifPresent(reason -> check.reject(InputFile.IBAN, iban, reason));
		}
		if (!bic.isEmpty()) {
			BankAccount.bicProblem(bic).ifPresent(reason -> check.reject(InputFile.BIC, bic, reason));
		}
		if (iban.isEmpty() && !bic.isEmpty()) {
			check.reject(InputFile.IBAN, iban, "IBAN manquant alors que le BIC est renseigné");
		}
	}

	private void checkDates(RowChecker check, Optional<LocalDate> adhesion, Optional<LocalDate> opening,
			Optional<LocalDate> closing) {
		LocalDate endOfExercice = LocalDate.of(this.exercice, 12, 31);
		LocalDate startOfExercice = LocalDate.of(this.exercice, 1, 1);
		adhesion.filter(d -> d.isAfter(endOfExercice))
			.ifPresent(d -> check.reject("date_adhesion", d.toString(), "adhésion postérieure à l'exercice " + this.exercice));
		opening.filter(d -> d.isAfter(endOfExercice))
			.ifPresent(d -> check.reject("date_ouverture", d.toString(), "ouverture postérieure à l'exercice " + this.exercice));
		if (closing.isPresent()) {
			if (opening.isPresent() && closing.get().isBefore(opening.get())) {
				check.reject("date_fermeture", closing.get().toString(), "fermeture antérieure à l'ouverture");
			}
			else if (adhesion.isPresent() && closing.get().isBefore(adhesion.get())) {
				check.reject("date_fermeture", closing.get().toString(), "fermeture antérieure à l'adhésion");
			}
			else if (closing.get().isBefore(startOfExercice)) {
				check.reject("date_fermeture", closing.get().toString(),
						"centre fermé avant l'exercice " + this.exercice);
			}
		}
	}

}
