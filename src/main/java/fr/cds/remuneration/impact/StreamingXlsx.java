package fr.cds.remuneration.impact;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal SpreadsheetML (XLSX) writer that streams its rows straight into the zip: a few sheets
 * of inline-string, number and text-formatted cells, three styles, an optional frozen pane. It
 * writes what {@code centres.xlsx} needs and nothing more, because the general writer (POI) spent
 * seconds of CPU loading and initialising its XML schema classes for a table of 6,000 rows.
 *
 * <p>Use: {@link #startSheet}, then for each row {@link #startRow}, cells, {@link #endRow}; then
 * {@link #endSheet}; sheets in the order of their names; {@link #finish} at the end. Amounts are
 * written as their exact decimal text (no binary rounding).
 */
final class StreamingXlsx {

	/** Cell styles, the indices of {@code cellXfs} in {@link #STYLES}. */
	enum Style {
		GENERAL, HEADER, TEXT, EUROS
	}

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	/** Bold header, text format {@code @} (49), euros {@code #,##0.00} (4, built in). */
	private static final String STYLES = XML + "<styleSheet xmlns=\"" + MAIN + "\">"
			+ "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
			+ "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
			+ "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
			+ "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
			+ "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
			+ "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

	private final ZipOutputStream zip;

	private final Writer out;

	private final List<String> sheets;

	private int sheet;

	private int row;

	private int column;

	StreamingXlsx(OutputStream target, List<String> sheets) throws IOException {
		this.zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
		this.out = new BufferedWriter(new OutputStreamWriter(this.zip, StandardCharsets.UTF_8), 1 << 16);
		this.sheets = List.copyOf(sheets);
		entry("[Content_Types].xml", contentTypes());
		entry("_rels/.rels", XML + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\""
				+ RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		entry("xl/workbook.xml", workbook());
		entry("xl/_rels/workbook.xml.rels", workbookRelationships());
		entry("xl/styles.xml", STYLES);
	}

	/** Opens the next sheet; {@code frozenColumns} and {@code frozenRows} stay in view (0: none). */
	void startSheet(int frozenColumns, int frozenRows) throws IOException {
		this.zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (++this.sheet) + ".xml"));
		this.out.write(XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetViews><sheetView workbookViewId=\"0\"");
		if (frozenColumns > 0 || frozenRows > 0) {
			this.out.write("><pane xSplit=\"" + frozenColumns + "\" ySplit=\"" + frozenRows + "\" topLeftCell=\""
					+ reference(frozenColumns, frozenRows + 1) + "\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView>");
		}
		else {
			this.out.write("/>");
		}
		this.out.write("</sheetViews><sheetData>");
		this.row = 0;
	}

	void startRow() throws IOException {
		this.row++;
		this.column = 0;
		this.out.write("<row r=\"" + this.row + "\">");
	}

	void text(String value, Style style) throws IOException {
		cell(style, "inlineStr");
		this.out.write("<is><t xml:space=\"preserve\">");
		escape(value);
		this.out.write("</t></is></c>");
	}

	void number(BigDecimal value, Style style) throws IOException {
		cell(style, null);
		this.out.write("<v>" + value.toPlainString() + "</v></c>");
	}

	void number(long value, Style style) throws IOException {
		cell(style, null);
		this.out.write("<v>" + value + "</v></c>");
	}

	void endRow() throws IOException {
		this.out.write("</row>");
	}

	void endSheet() throws IOException {
		this.out.write("</sheetData></worksheet>");
		this.out.flush();
		this.zip.closeEntry();
	}

	/** Ends the file (the target stays open). */
	void finish() throws IOException {
		if (this.sheet != this.sheets.size()) {
			throw new IllegalStateException(this.sheets.size() + " sheets named, " + this.sheet + " written");
		}
		this.out.flush();
		this.zip.finish();
	}

	private void cell(Style style, String type) throws IOException {
		this.out.write("<c r=\"" + reference(this.column++, this.row) + "\" s=\"" + style.ordinal() + "\"");
		this.out.write(type == null ? ">" : " t=\"" + type + "\">");
	}

	/** {@code A1}-style reference of a 0-based column and a 1-based row. */
	static String reference(int column, int row) {
		StringBuilder letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return letters.append(row).toString();
	}

	/** XML text: markup characters escaped, characters XML cannot hold (control characters) left out. */
	private void escape(String value) throws IOException {
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '&' -> this.out.write("&amp;");
				case '<' -> this.out.write("&lt;");
				case '>' -> this.out.write("&gt;");
				default -> {
					if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
						this.out.write(ch);
					}
				}
			}
		}
	}

	private void entry(String name, String content) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.out.write(content);
		this.out.flush();
		this.zip.closeEntry();
	}

	private String contentTypes() {
		StringBuilder xml = new StringBuilder(XML).append(
				"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
						+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		for (int i = 1; i <= this.sheets.size(); i++) {
			xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(
					".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return xml.append("</Types>").toString();
	}

	private String workbook() {
		StringBuilder xml = new StringBuilder(XML).append("<workbook xmlns=\"").append(MAIN)
			.append("\" xmlns:r=\"")
			.append(RELATIONSHIPS)
			.append("\"><sheets>");
		for (int i = 1; i <= this.sheets.size(); i++) {
			StringBuilder name = new StringBuilder();
			for (char ch : this.sheets.get(i - 1).toCharArray()) {
				name.append(switch (ch) {
					case '&' -> "&amp;";
					case '<' -> "&lt;";
					case '>' -> "&gt;";
					case '"' -> "&quot;";
					default -> String.valueOf(ch);
				});
			}
			xml.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i)
				.append("\"/>");
		}
		return xml.append("</sheets></workbook>").toString();
	}

	private String workbookRelationships() {
		StringBuilder xml = new StringBuilder(XML).append("<Relationships xmlns=\"").append(PACKAGE_RELATIONSHIPS)
			.append("\">");
		for (int i = 1; i <= this.sheets.size(); i++) {
			xml.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(RELATIONSHIPS)
				.append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
		}
		return xml.append("<Relationship Id=\"rId").append(this.sheets.size() + 1).append("\" Type=\"")
			.append(RELATIONSHIPS)
			.append("/styles\" Target=\"styles.xml\"/></Relationships>")
			.toString();
	}

}
