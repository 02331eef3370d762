package fr.cds.remuneration.run;

import java.util.Locale;

/**
 * The operator who launched a run, recorded with it (a non-identifying job parameter: a restart by
 * another operator is the same run) so that the payer's desk can refuse to let the same person
 * approve the payments they computed.
 */
public final class RunOperator {

	/** Job parameter holding the operator's name. */
	public static final String PARAMETER = "operator";

	/**
	 * Job parameter holding the SHA-256 of the rule-set file the launcher loaded: the desk refuses
	 * to approve a run whose rules changed since.
	 */
	public static final String RULES_SHA256 = "rulesSha256";

	private RunOperator() {
	}

	/** The OS user name, the default when the operator names nobody. */
	public static String current() {
		String name = System.getProperty("user.name");
		return name == null || name.isBlank() ? "inconnu" : name.strip();
	}

	/** {@code name} stripped, or the OS user when blank. */
	public static String orCurrent(String name) {
		return name == null || name.isBlank() ? current() : name.strip();
	}

	/** Whether two names designate the same person: compared without case and surrounding blanks. */
	public static boolean samePerson(String a, String b) {
		return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
	}

}
