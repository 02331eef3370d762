package fr.cds.remuneration.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;

/**
 * Logback converter {@code %causes} for the operators' console: a logged failure's causes, one
 * French line each, instead of its stack trace (a database outage used to print 400 to 900 lines
 * of them). Causes repeating the same text (wrappers quoting their cause) are said once. The full
 * stack traces go to the log file ({@code logging.file.name}, docs/operations.md).
 */
public class CauseLines extends ThrowableHandlingConverter {

	private static final int LONGEST = 240;

	private static final String OURS = "fr.cds.remuneration.";

	@Override
	public String convert(ILoggingEvent event) {
		IThrowableProxy proxy = event.getThrowableProxy();
		if (proxy == null) {
			return "";
		}
		Throwable failure = proxy instanceof ThrowableProxy real ? real.getThrowable() : null;
		StringBuilder lines = new StringBuilder();
		for (String line : failure != null ? of(failure) : of(proxy)) {
			lines.append("    cause : ").append(line).append(System.lineSeparator());
		}
		return lines.toString();
	}

	/** One French line per distinct cause, outermost first. */
	public static List<String> of(Throwable failure) {
		Set<String> lines = new LinkedHashSet<>();
		Set<Throwable> seen = new java.util.HashSet<>();
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (frameworkWrapper(cause.getClass().getName(), cause.getCause() != null)) {
				continue;
			}
			lines.add(label(cause) + text(cause.getMessage(), cause.getClass().getSimpleName()));
			if (cause.getClass().getName().startsWith(OURS) && !databaseBelow(cause.getCause())) {
				// the application's own exception says in French what happened and what to do; the library's
				// exception under it (English) is in the log file
				break;
			}
		}
		return dropQuoted(new ArrayList<>(lines));
	}

	private static List<String> of(IThrowableProxy proxy) {
		Set<String> lines = new LinkedHashSet<>();
		for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
			String name = cause.getClassName();
			if (frameworkWrapper(name, cause.getCause() != null)) {
				continue;
			}
			lines.add(text(cause.getMessage(), name.substring(name.lastIndexOf('.') + 1)));
			if (name.startsWith(OURS) && !databaseBelow(cause.getCause())) {
				break;
			}
		}
		return dropQuoted(new ArrayList<>(lines));
	}

	/** Whether a database error lies in the chain: it gets a French label of its own, kept on the console. */
	private static boolean databaseBelow(Throwable cause) {
		for (Throwable c = cause; c != null && c != c.getCause(); c = c.getCause()) {
			if (c instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	private static boolean databaseBelow(IThrowableProxy cause) {
		for (IThrowableProxy c = cause; c != null; c = c.getCause()) {
			if (c.getClassName().contains("SQL")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A Spring exception wrapping another ("Failed to initialize the reader", "Encountered an error
	 * executing step"): its English text tells an operator nothing its cause does not.
	 */
	private static boolean frameworkWrapper(String className, boolean hasCause) {
		return hasCause && className.startsWith("org.springframework.");
	}

	/** What a database error means for an operator, from its SQL state (the standard's classes). */
	private static String label(Throwable cause) {
		if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
			return "";
		}
		String state = sql.getSQLState();
		if (state.startsWith("08")) {
			return "base de données injoignable ou connexion perdue — ";
		}
		if (state.startsWith("57P")) {
			return "serveur de base de données arrêté ou en redémarrage — ";
		}
		if (state.equals("25P03")) {
			return "session fermée par le serveur (transaction restée inactive trop longtemps) — ";
		}
		if (state.startsWith("40")) {
			return "transaction annulée par la base de données (conflit) — ";
		}
		return "erreur de base de données (état SQL " + state + ") — ";
	}

	private static String text(String message, String kind) {
		String text = message == null || message.isBlank() ? kind : message.replaceAll("\\s+", " ").strip();
		return text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text;
	}

	/** A wrapper whose text already contains the next cause's text says nothing more: keep the cause. */
	private static List<String> dropQuoted(List<String> lines) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			boolean quotesNext = i + 1 < lines.size() && stripLabel(line).contains(stripLabel(lines.get(i + 1)))
					&& stripLabel(line).length() > stripLabel(lines.get(i + 1)).length();
			if (!quotesNext) {
				kept.add(line);
			}
		}
		return kept;
	}

	private static String stripLabel(String line) {
		int dash = line.indexOf(" — ");
		return dash < 0 ? line : line.substring(dash + 3);
	}

}
