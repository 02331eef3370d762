package fr.cds.remuneration.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.RegionTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional iban and bic columns of centres.csv: a valid account is accepted, a wrong IBAN or
 * BIC rejects the line with a French reason naming the field, a centre without account is
 * accepted (its transfer is held at the desk), and a file without the columns reads as before.
 */
class CentreBankAccountTest {

	private static final String HEADER = "finess;raison_sociale;type;departement;date_adhesion;date_ouverture;"
			+ "date_fermeture;zone;etp_medecin_generaliste;etp_medecin_autre;etp_infirmier;etp_chirurgien_dentiste;"
			+ "etp_sage_femme;etp_masseur_kinesitherapeute;etp_ipa;etp_autre_professionnel_sante;etp_assistant_medical;"
			+ "etp_mediateur_sante;etp_administratif";

	private static final String CENTRE = ";Centre test;medical;75;2016-01-01;2010-01-01;;HORS_ZONE;3;1;0;0;0;0;0;0;0;0;1";

	/**
	 * FR76 3000 6000 0112 3456 7890 189: the example IBAN of the French banking federation; its
	 * check digits 76 are 98 - (the BBAN followed by F=15 R=27 00, mod 97).
	 */
	static final String VALID = "FR7630006000011234567890189";

	@TempDir
	Path dir;

	@Test
	void aValidAccountIsAcceptedAndAWrongOneRejectsTheLineNamingTheField() throws IOException {
		String wrongCheckDigits = "FR7730006000011234567890189";
		List<Validated<Centre>> rows = read(HEADER + ";iban;bic\n"
				+ "750000100" + CENTRE + ";FR76 3000 6000 0112 3456 7890 189;AGRIFRPP\n"
				+ "750000200" + CENTRE + ";" + wrongCheckDigits + ";AGRIFRPP\n"
				+ "750000300" + CENTRE + ";;\n"
				+ "750000400" + CENTRE + ";" + VALID + ";AGRI\n"
				+ "750000500" + CENTRE + ";FR76300060000112345;\n");
		assertThat(rows.get(0).isAccepted()).as("%s", rows.get(0).rejects()).isTrue();
		assertThat(rows.get(1).rejects()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(3);
			assertThat(r.field()).isEqualTo("iban");
			assertThat(r.reason()).isEqualTo("IBAN invalide : clé de contrôle fausse");
		});
		assertThat(rows.get(2).isAccepted()).isTrue();
		assertThat(rows.get(3).rejects()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(5);
			assertThat(r.field()).isEqualTo("bic");
		});
		assertThat(rows.get(4).rejects()).singleElement().satisfies(r -> assertThat(r.reason()).contains("longueur"));
	}

	@Test
	void aFileWithoutTheAccountColumnsReadsAsBefore() throws IOException {
		List<Validated<Centre>> rows = read(HEADER + "\n750000100" + CENTRE + "\n");
		assertThat(rows).singleElement().satisfies(r -> assertThat(r.isAccepted()).isTrue());
	}

	@Test
	void theDefaultDebtorAccountIsAValidIban() {
		assertThat(BankAccount.ibanProblem(VALID)).isEmpty();
		assertThat(BankAccount.ibanProblem("FR7630001007941234567890185")).isEmpty();
	}

	private List<Validated<Centre>> read(String content) throws IOException {
		Path file = Files.writeString(this.dir.resolve("centres.csv"), content);
		return ValidatedFile.read(file, InputFile.CENTRES,
				new CentreRowValidator(2024, RegionTable.load(), InputLimits.defaults(), Set.of()));
	}

}
