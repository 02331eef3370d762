package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.util.List;

import fr.cds.remuneration.input.Reject;

/**
 * Writes {@code rejects.csv}: every problem of every rejected input row, with file, line, FINESS
 * when known, field, value and reason. Never a patient identifier.
 */
public final class RejectsFileWriter {

	private RejectsFileWriter() {
	}

	public static void write(Path target, List<Reject> rejects) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("fichier", "ligne", "finess", "champ", "valeur", "motif"));
			for (Reject reject : rejects) {
				printer.printRecord(CsvOutput.row(reject.file(), reject.line(), reject.finess(), reject.field(),
						CsvOutput.text(reject.value()), reject.reason()));
			}
		});
	}

}
