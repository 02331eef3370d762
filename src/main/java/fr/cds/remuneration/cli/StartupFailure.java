package fr.cds.remuneration.cli;

import fr.cds.remuneration.run.ExitCode;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What an operator is told when the application cannot start, before any command runs. A
 * database held by another process is the expected case (a run or a {@code serve} in progress on
 * an H2 file opened without {@code AUTO_SERVER}): one French line and exit code 6, no stack trace.
 * Anything else is unexpected and keeps its stack trace (exit code 1).
 */
public final class StartupFailure {

	/** H2's "database may be already in use": its file is locked by another process. */
	static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private StartupFailure() {
	}

	/** The exit code and message for a failure to start that the operator can act on, if it is one. */
	public static Optional<Known> known(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return Optional.of(new Known(ExitCode.ALREADY_RUNNING, "Base de données verrouillée : un autre"
						+ " processus l'utilise (un run en cours, ou 'serve'). Attendez qu'il se termine, ou ouvrez la"
						+ " base en mode partagé (AUTO_SERVER=TRUE dans CDS_DB_URL, comme la base par défaut), puis"
						+ " relancez la même commande."));
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return Optional.empty();
	}

	/** A failure to start explained to the operator. */
	public record Known(ExitCode exitCode, String message) {
	}

}
