package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Debian's LibreOffice Calc, headless (package {@code libreoffice-calc-nogui}, installed by
 * {@code scripts/install-test-tools.sh}): opens files as a French user's spreadsheet does and saves
 * them as XLSX, which the tests read back with Apache POI to see each cell as the user sees it,
 * text or number. Like the browser and PDF tests, a test that needs it fails when it is missing.
 */
public final class LibreOfficeCalc {

	public static final Path BINARY = Path.of("/usr/bin/soffice");

	/**
	 * The CSV import a French user gets: separator {@code ;}, quote {@code "}, UTF-8 (76), from line
	 * 1, French language (1036: decimal comma); {@code %s} is the column types ({@code 2/2} = column
	 * 2 as text), empty for "standard", the type the import dialog proposes for every column.
	 */
	public static final String FRENCH_CSV = "CSV:59,34,76,1,%s,1036";

	private final Path profile;

	/** @param work a directory of the test's own: LibreOffice's user profile goes there */
	public LibreOfficeCalc(Path work) {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException("LibreOffice is required by the spreadsheet tests: install the Debian package"
					+ " libreoffice-calc-nogui (scripts/install-test-tools.sh does it when run as root)");
		}
		this.profile = work.resolve("libreoffice-profile");
	}

	/**
	 * Opens each file (with {@code infilter}, or as LibreOffice recognises it when {@code null}) and
	 * saves it as XLSX in {@code outDir}; one LibreOffice process for them all.
	 */
	public void toXlsx(String infilter, Path outDir, Path... files) throws IOException, InterruptedException {
		Files.createDirectories(outDir);
		List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--norestore",
				"-env:UserInstallation=" + this.profile.toUri()));
		if (infilter != null) {
			command.add("--infilter=" + infilter);
		}
		command.addAll(List.of("--convert-to", "xlsx", "--outdir", outDir.toString()));
		for (Path file : files) {
			command.add(file.toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("HOME", this.profile.getParent().toString());
		Process process = builder.start();
		String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("soffice failed: " + log);
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			Path xlsx = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".xlsx");
			if (!Files.exists(xlsx)) {
				throw new IllegalStateException("soffice wrote no " + xlsx + ": " + log);
			}
		}
	}

	/**
	 * A cell of the first sheet as the user sees it: {@code text:060000018} for a text cell,
	 * {@code number:60000018} for a number (integral numbers without decimals), {@code empty}.
	 */
	public static String cell(Path xlsx, int row, int column) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Row r = book.getSheetAt(0).getRow(row);
			Cell cell = r == null ? null : r.getCell(column);
			if (cell == null || cell.getCellType() == CellType.BLANK) {
				return "empty";
			}
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
			if (type == CellType.NUMERIC) {
				return "number:" + new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros()
					.toPlainString();
			}
			return "text:" + cell.getStringCellValue();
		}
	}

}
