package fr.cds.remuneration.run;

/** A failure's causes on one line each, without stack traces, for operators' logs. */
public final class LeaseFailures {

	private LeaseFailures() {
	}

	/** The innermost cause's message, on one line (a database error's text, without its trace). */
	public static String oneLine(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.replaceAll("\\s+", " ").strip();
	}

}
