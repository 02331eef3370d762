package fr.cds.remuneration.input;

/**
 * A file that cannot be read as a whole (missing, wrong header, wrong encoding): the run stops
 * with a message that names the file, the line and what to fix.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String file, long line, String problem) {
		super(file + (line > 0 ? ":" + line : "") + ": " + problem);
	}

	public InputFileException(String file, long line, String problem, Throwable cause) {
		super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
	}

}
