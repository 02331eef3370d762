package fr.cds.remuneration.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVException;

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

	/**
	 * The failure to read {@code path} near {@code line}: for bytes the encoding cannot decode, the
	 * file is scanned again to say where and in which encoding it seems to be.
	 */
	public static InputFileException reading(String file, Path path, InputEncoding encoding, long line,
			IOException cause) {
		if (cause instanceof CharacterCodingException) {
			InputFileScan.Problem problem = InputFileScan.of(path, file)
				.problem(encoding)
				.orElse(new InputFileScan.Problem(line, "illisible dans l'encodage " + encoding.label()));
			return new InputFileException(file, problem.line(), problem.message(), cause);
		}
		if (cause instanceof BoundedRecordReader.RecordTooLongException tooLong) {
			return new InputFileException(file, line, tooLong.problem(), cause);
		}
		if (cause instanceof CSVException) {
			// nothing after a broken quote can be split into fields with certainty
			return new InputFileException(file, line, "CSV mal formé (" + CsvProblems.french(cause.getMessage())
					+ ") : vérifiez les guillemets à partir de cette ligne (un guillemet jamais fermé, ou du texte après un guillemet fermant)", cause);
		}
		return new InputFileException(file, line, "lecture impossible : " + cause.getMessage(), cause);
	}

}
