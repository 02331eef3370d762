package fr.cds.remuneration.input;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads one input file row by row, after checking its header against the expected layout. Rows are
 * returned whatever their content (validation is the processors' job), each with its physical line
 * number; blank lines are skipped. On restart the reader skips the rows already processed, whose
 * count is saved in the step's execution context.
 */
public class CsvFileReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

	private static final String ROWS_READ = "rows.read";

	private static final CSVFormat FORMAT = CSVFormat.Builder.create(CsvFormats.INPUT).setIgnoreEmptyLines(false).get();

	private final Path path;

	private final InputFile layout;

	private final InputEncoding encoding;

	private Reader reader;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private Map<String, Integer> columns;

	/** Data rows returned so far (the base class also counts the final empty read). */
	private long rowsRead;

	public CsvFileReader(Path path, InputFile layout, InputEncoding encoding) {
		this.path = path;
		this.layout = layout;
		this.encoding = encoding;
		setName(readerName(layout));
	}

	@Override
	protected void doOpen() throws Exception {
		try {
			this.reader = this.encoding.reader(Files.newInputStream(this.path));
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(this.layout.fileName(), 0, "file not found in the input directory ("
					+ this.path.toAbsolutePath() + ")");
		}
		this.parser = CSVParser.builder().setReader(this.reader).setFormat(FORMAT).get();
		this.records = this.parser.iterator();
		this.columns = checkHeader();
	}

	@Override
	protected CsvRow doRead() {
		while (true) {
			long line = this.parser.getCurrentLineNumber() + 1;
			CSVRecord record = next(line);
			if (record == null) {
				return null;
			}
			if (record.size() == 1 && record.get(0).isBlank()) {
				continue;
			}
			String[] values = record.values();
			this.rowsRead++;
			return new CsvRow(this.layout.fileName(), line, this.columns, values, values.length == this.columns.size());
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		super.open(executionContext);
		this.rowsRead = executionContext.getLong(getExecutionContextKey(ROWS_READ), this.rowsRead);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		super.update(executionContext);
		executionContext.putLong(getExecutionContextKey(ROWS_READ), this.rowsRead);
	}

	/** Key under which the number of data rows read is saved, across restarts. */
	public static String rowsReadKey(InputFile layout) {
		return readerName(layout) + "." + ROWS_READ;
	}

	@Override
	protected void doClose() throws Exception {
		if (this.parser != null) {
			this.parser.close();
		}
		if (this.reader != null) {
			this.reader.close();
		}
	}

	private CSVRecord next(long line) {
		return CsvFormats.next(this.records, this.layout.fileName(), this.path, this.encoding, line);
	}

	private static String readerName(InputFile layout) {
		return layout.name().toLowerCase(Locale.ROOT) + "Reader";
	}

	private Map<String, Integer> checkHeader() {
		return HeaderCheck.columns(this.layout, next(1));
	}

}
