package fr.cds.remuneration.input;

import java.io.Reader;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
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
 * <p>
 * The bytes are hashed as they are read: at the end of the file the reader knows the SHA-256 of
 * exactly what it parsed (a restart reads the file again from its first byte, skipping the rows
 * already processed, so the digest always covers the whole file). When it was given the checksum
 * the launcher computed, a difference stops the step at once with an
 * {@link InputsChangedException}; the digest is also saved in the execution context
 * ({@link #sha256Key(InputFile)}) for the gate before computation.
 */
public class CsvFileReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

	private static final String ROWS_READ = "rows.read";

	private static final String SHA256 = "sha256";

	private static final CSVFormat FORMAT = CSVFormat.Builder.create(CsvFormats.INPUT).setIgnoreEmptyLines(false).get();

	private final Path path;

	private final InputFile layout;

	private final InputEncoding encoding;

	/** The checksum the launcher computed for the file, or null when unknown. */
	private final String expectedSha256;

	private MessageDigest digest;

	private long bytesRead;

	/** The SHA-256 of every byte read, once the end of the file was reached. */
	private String sha256;

	private Reader reader;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private Map<String, Integer> columns;

	/** Data rows returned so far (the base class also counts the final empty read). */
	private long rowsRead;

	public CsvFileReader(Path path, InputFile layout, InputEncoding encoding) {
		this(path, layout, encoding, null);
	}

	/** @param expectedSha256 the file's checksum at launch, checked at the end of the file (null: unchecked) */
	public CsvFileReader(Path path, InputFile layout, InputEncoding encoding, String expectedSha256) {
		this.path = path;
		this.layout = layout;
		this.encoding = encoding;
		this.expectedSha256 = expectedSha256;
		setName(readerName(layout));
	}

	@Override
	protected void doOpen() throws Exception {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
			this.bytesRead = 0;
			this.sha256 = null;
			this.reader = this.encoding.reader(new DigestInputStream(Files.newInputStream(this.path), this.digest) {

				@Override
				public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
					int read = super.read(buffer, offset, length);
					if (read > 0) {
						CsvFileReader.this.bytesRead += read;
					}
					return read;
				}

				@Override
				public int read() throws java.io.IOException {
					int read = super.read();
					if (read >= 0) {
						CsvFileReader.this.bytesRead++;
					}
					return read;
				}

			});
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(this.layout.fileName(), 0, "fichier absent du répertoire d'entrée ("
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
				endOfFile();
				return null;
			}
			if (record.size() == 1 && record.get(0).isBlank()) {
				continue;
			}
			String[] values = record.values();
			for (String value : values) {
				if (value.indexOf('\u0000') >= 0) {
					// a NUL byte is never text: a binary or truncated file, or a hostile one; never carried on
					throw new InputFileException(this.layout.fileName(), line, "octet NUL (0x00) dans la ligne : ce"
							+ " n'est pas un fichier texte CSV, fichier refusé");
				}
			}
			this.rowsRead++;
			return new CsvRow(this.layout.fileName(), line, this.columns, values, values.length == this.columns.size());
		}
	}

	/** The whole file was read: what was read must be what the launcher hashed. */
	private void endOfFile() {
		if (this.sha256 != null) {
			return;
		}
		String read = HexFormat.of().formatHex(this.digest.digest());
		if (this.expectedSha256 != null && !this.expectedSha256.equals(read)) {
			throw new InputsChangedException(this.layout.fileName(), this.bytesRead + " octets lus, SHA-256 " + read
					+ " au lieu de " + this.expectedSha256 + " au lancement");
		}
		this.sha256 = read;
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
		if (this.sha256 != null) {
			executionContext.putString(getExecutionContextKey(SHA256), this.sha256);
		}
	}

	/** Key under which the SHA-256 of the bytes read is saved, once the whole file was read. */
	public static String sha256Key(InputFile layout) {
		return readerName(layout) + "." + SHA256;
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
