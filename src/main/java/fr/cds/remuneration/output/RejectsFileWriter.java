package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import fr.cds.remuneration.input.Reject;

/**
 * Writes {@code rejects.csv}: every problem of every rejected input row, with file, line, FINESS
 * when known, field, value and reason. Never a patient identifier. The rejects are streamed: a
 * broken extract may reject millions of rows.
 */
public final class RejectsFileWriter {

	private RejectsFileWriter() {
	}

	public static void write(Path target, List<Reject> rejects) {
		write(target, rejects.stream());
	}

	public static void write(Path target, Stream<Reject> rejects) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("fichier", "ligne", "finess", "champ", "valeur", "motif"));
			Iterator<Reject> each = rejects.iterator();
			while (each.hasNext()) {
				Reject reject = each.next();
				printer.printRecord(CsvOutput.row(reject.file(), reject.line(), reject.finess(), reject.field(),
						reject.value(), reject.reason()));
			}
		});
	}

}
