package fr.cds.remuneration.input;

/**
 * An input file whose bytes, as the run read them, are not those the launcher hashed: the file was
 * replaced, truncated or appended to after the launch. The run stops before any payment is
 * written (exit code 7): a run pays on exactly the bytes it checked, whose checksum its report
 * shows. The message is for the operator, in French, and names the file.
 */
public class InputsChangedException extends RuntimeException {

	private final String file;

	public InputsChangedException(String file, String detail) {
		super(file + " : le fichier a changé depuis le lancement du run (" + detail + ") ; rien n'a été payé."
				+ " Remettez le fichier tel qu'au lancement et relancez la même commande (le run reprend),"
				+ " ou relancez avec le nouveau fichier : c'est alors un autre run.");
		this.file = file;
	}

	/** The input file's name, e.g. {@code patients.csv}. */
	public String file() {
		return this.file;
	}

}
