package fr.cds.remuneration.desk;

/**
 * The payer's desk refuses what it was asked (an approval by the operator who launched the run, a
 * run already decided, inputs or rules changed since the run, a status report naming unknown
 * transfers): nothing was changed. The message is the operator's, in French.
 */
public class DeskRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DeskRefusal(String message) {
		super(message);
	}

}
