package fr.cds.remuneration.output;

import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.output.PageHtml.Node;
import fr.cds.remuneration.output.PdfLine.Piece;
import fr.cds.remuneration.output.PdfLine.Style;
import fr.cds.remuneration.output.TaggedPdf.Element;

/**
 * Lays the statement's page out on A4 pages of a {@link TaggedPdf}, from the page's own HTML
 * ({@link PageHtml}: the words, their order and their classes) and the print rules of
 * {@code common.html} (sizes, colours, margins), which this class applies to the few elements and
 * classes the statements use: headings, paragraphs, lists, tables with their header repeated on
 * every page and no row split across two pages (one taller than a page is cut between its lines), a page break before the annex, the running header
 * and "page n / N" on every page.
 */
final class StatementPdfLayout {

	private static final float MM = 72f / 25.4f;

	private static final float LEFT = 12 * MM;

	private static final float RIGHT = TaggedPdf.PAGE_WIDTH - 12 * MM;

	private static final float TOP = 14 * MM;

	private static final float BOTTOM = TaggedPdf.PAGE_HEIGHT - 12 * MM;

	private static final float PX = 0.75f;

	private static final int TEXT = 0x1a1a1a;

	private static final int GREY = 0x555555;

	private static final int DARK = 0x333333;

	private static final int ORANGE = 0xa34b00;

	private static final int RED = 0xa30000;

	private static final int GREEN = 0x1a6b1a;

	private static final int HEAD = 0xeef1f5;

	private static final int FIELD = 0xf7f7f7;

	private static final int BORDER = 0xbbbbbb;

	private static final Style BODY = new Style(false, 8.5f, TEXT, 0);

	/** Tables' {@code line-height}, in ems. */
	private static final float TABLE_LINE = 1.12f;

	/** The headings' line height, in ems: what openhtmltopdf gave them (measured on its PDFs, 1.6 rather than 1.7). */
	private static final float HEADING_LINE = 1.6f;

	private static final float CELL_X = 3 * PX;

	private static final float CELL_Y = PX;

	private final TaggedPdf pdf;

	private int page = -1;

	private float y;

	/** The collapsed vertical margin waiting above the next block. */
	private float margin;

	/** Boxes with a border open at this point (the opening line, a recovery notice). */
	private final List<Box> boxes = new ArrayList<>();

	private StatementPdfLayout(TaggedPdf pdf) {
		this.pdf = pdf;
	}

	/** Lays {@code html}'s body out; returns the running header's text (or {@code null}). */
	static String layout(Node html, TaggedPdf pdf) {
		StatementPdfLayout layout = new StatementPdfLayout(pdf);
		layout.newPage();
		Node body = html.find("body");
		String running = null;
		for (Node child : body.children) {
			if (!child.isText() && child.hasClass("running")) {
				running = collapse(child.textContent());
			}
		}
		layout.blocks(body, pdf.root(), LEFT, RIGHT, BODY);
		return running;
	}

	/** Writes the running header and "page n / N" on every page, once the page count is known. */
	static void paginate(TaggedPdf pdf, String running) {
		Style style = new Style(false, 8, GREY, 0);
		List<PdfLine> header = running == null ? List.of() : runningHeader(running, style);
		int count = pdf.pageCount();
		for (int i = 0; i < count; i++) {
			// the last line where a one-line header sits, the others above it, in the top margin
			float baseline = TOP / 2 + 3;
			for (int l = header.size() - 1; l >= 0; l--) {
				PdfLine line = header.get(l);
				float x = LEFT;
				for (PdfLine.Run run : line.runs()) {
					pdf.paginationText(i, "Header", run, x, baseline);
					x += run.width();
				}
				baseline -= line.height();
			}
			String number = "page " + (i + 1) + " / " + count;
			float width = PdfLine.width(number, style);
			pdf.paginationText(i, "Footer", new PdfLine.Run(number, style, width), RIGHT - width,
					TaggedPdf.PAGE_HEIGHT - 12 * MM / 2 + 3);
		}
	}

	/**
	 * The running header in the page's width: it holds the centre's name (up to 200 characters)
	 * before its FINESS and exercice, which a long name pushed past the page's right edge. Two lines
	 * at most fit in the top margin: beyond, the size is lowered until two suffice (or 5 pt).
	 */
	private static List<PdfLine> runningHeader(String running, Style style) {
		Style fitted = style;
		List<PdfLine> lines = PdfLine.wrap(List.of(new Piece(running, fitted)), RIGHT - LEFT, fitted, 1.2f, false);
		while (lines.size() > 2 && fitted.size() > 5) {
			fitted = fitted.withSize(fitted.size() - 0.5f);
			lines = PdfLine.wrap(List.of(new Piece(running, fitted)), RIGHT - LEFT, fitted, 1.2f, false);
		}
		return lines;
	}

	private void newPage() {
		for (Box box : this.boxes) {
			box.close(this.page, BOTTOM, this.pdf);
		}
		this.pdf.newPage();
		this.page++;
		this.y = TOP;
		this.margin = 0;
		for (Box box : this.boxes) {
			box.open(this.page, TOP);
		}
	}

	private boolean pageEmpty() {
		return this.y == TOP && this.boxes.isEmpty();
	}

	/** Makes room for {@code height} below the pending margin, on a new page if needed; returns its top. */
	private float place(float height) {
		if (this.y + this.margin + height > BOTTOM && this.y > TOP) {
			newPage();
		}
		this.y += this.margin;
		this.margin = 0;
		float top = this.y;
		this.y += height;
		return top;
	}

	private void margin(float value) {
		this.margin = Math.max(this.margin, value);
	}

	private void blocks(Node parent, Element structure, float left, float right, Style inherited) {
		for (Node child : parent.children) {
			if (!child.isText()) {
				block(child, structure, left, right, inherited);
			}
		}
	}

	private void block(Node node, Element structure, float left, float right, Style inherited) {
		if (node.hasClass("running")) {
			return;
		}
		switch (node.tag) {
			case "h1" -> heading(node, structure, "H1", left, right, inherited.withBold(true).withSize(11), 0, 0.3f, false);
			case "h2" -> heading(node, structure, "H2", left, right, inherited.withBold(true).withSize(10.5f), 0.6f, 0.25f, true);
			case "h3" -> heading(node, structure, "H3", left, right, inherited.withBold(true).withSize(9), 0.5f, 0.2f, false);
			case "p" -> paragraph(node, structure, left, right, inherited);
			case "ul" -> list(node, structure, left, right, inherited);
			case "table" -> table(node, structure, left, right, inherited);
			default -> division(node, structure, left, right, inherited);
		}
	}

	private void division(Node node, Element structure, float left, float right, Style inherited) {
		Style style = classes(node, inherited);
		if (node.hasClass("annex") && !pageEmpty()) {
			newPage();
		}
		if (node.hasClass("notice")) {
			Box box = openBox(left, right, style.size(), 0.5f, 1f);
			blocks(node, structure, box.innerLeft, box.innerRight, style);
			closeBox(box, style.size());
			return;
		}
		blocks(node, structure, left, right, style);
	}

	private void heading(Node node, Element structure, String type, float left, float right, Style style,
			float top, float bottom, boolean rule) {
		margin(top * style.size());
		List<PdfLine> lines = PdfLine.wrap(pieces(node, style), right - left, style, HEADING_LINE, false);
		float height = 0;
		for (PdfLine line : lines) {
			height += line.height();
		}
		// a heading stays with what follows it: room for three lines of text below it
		if (this.y + this.margin + height + 3 * PdfLine.NORMAL * BODY.size() > BOTTOM && this.y > TOP) {
			newPage();
		}
		Element element = new Element(type, structure);
		lines(lines, element, left, right, false);
		if (rule) {
			// the rule is drawn in the heading's last line box (as openhtmltopdf's page measured: no height of its own)
			this.pdf.line(this.page, left, this.y - PX / 2, right, this.y - PX / 2, PX, 0x999999);
		}
		margin(bottom * style.size());
	}

	private void paragraph(Node node, Element structure, float left, float right, Style inherited) {
		Style style = classes(node, inherited);
		if (node.hasClass("opening")) {
			Box box = openBox(left, right, style.size(), 0, 0.8f);
			lines(PdfLine.wrap(pieces(node, style), box.innerRight - box.innerLeft, style, 0, false),
					new Element("P", structure), box.innerLeft, box.innerRight, false);
			closeBox(box, style.size());
			return;
		}
		float top = node.hasClass("identity") ? 0 : node.hasClass("due") ? 0.4f : 0.25f;
		float bottom = node.hasClass("identity") ? 0.6f : node.hasClass("due") ? 0.4f : 0.25f;
		margin(top * style.size());
		lines(PdfLine.wrap(pieces(node, style), right - left, style, 0, false), new Element("P", structure), left,
				right, false);
		margin(bottom * style.size());
	}

	private void list(Node node, Element structure, float left, float right, Style inherited) {
		Style style = classes(node, inherited);
		margin(0.2f * style.size());
		Element list = new Element("L", structure);
		float itemBottom = node.hasClass("why") ? 0.1f : node.hasClass("notes") ? 0.25f : 0;
		for (Node item : node.children) {
			if (item.isText() || !item.tag.equals("li")) {
				continue;
			}
			Element body = new Element("LBody", new Element("LI", list));
			List<PdfLine> lines = PdfLine.wrap(pieces(item, style), right - left - 30, style, 0, false);
			boolean first = true;
			for (PdfLine line : lines) {
				float top = place(line.height());
				if (first) {
					float r = style.size() * 0.2f;
					this.pdf.disc(this.page, left + 30 - style.size() * 0.75f, top + line.ascent() - style.size() * 0.3f, r,
							style.rgb());
					first = false;
				}
				draw(line, body, left + 30, right, top, false);
			}
			margin(itemBottom * style.size());
		}
		margin(0.2f * style.size());
	}

	/** Places lines one by one (a page may fall between two). */
	private void lines(List<PdfLine> lines, Element element, float left, float right, boolean alignRight) {
		for (PdfLine line : lines) {
			float top = place(line.height());
			draw(line, element, left, right, top, alignRight);
		}
	}

	private void draw(PdfLine line, Element element, float left, float right, float top, boolean alignRight) {
		if (line.runs().isEmpty()) {
			return;
		}
		float[] xs = xs(line, alignRight ? right - line.width() : left);
		this.pdf.text(this.page, element, top + line.ascent(), line.runs(), xs);
	}

	private static float[] xs(PdfLine line, float x) {
		float[] xs = new float[line.runs().size()];
		for (int i = 0; i < xs.length; i++) {
			xs[i] = x;
			x += line.runs().get(i).width();
		}
		return xs;
	}

	private Box openBox(float left, float right, float em, float top, float bottom) {
		margin(top * em);
		place(0);
		Box box = new Box(left, right, 1.5f, 0.4f * em, 0.8f * em, bottom * em);
		box.open(this.page, this.y);
		this.boxes.add(box);
		this.y += box.border + box.padY;
		return box;
	}

	private void closeBox(Box box, float em) {
		this.y += this.margin + box.padY + box.border;
		this.margin = 0;
		this.boxes.remove(box);
		box.close(this.page, this.y, this.pdf);
		margin(box.marginBottom);
	}

	/** A bordered box (2px solid dark red), drawn page by page once its extent is known. */
	private static final class Box {

		final float left;

		final float right;

		final float border;

		final float padY;

		final float innerLeft;

		final float innerRight;

		final float marginBottom;

		private float top;

		Box(float left, float right, float border, float padY, float padX, float marginBottom) {
			this.left = left;
			this.right = right;
			this.border = border;
			this.padY = padY;
			this.innerLeft = left + border + padX;
			this.innerRight = right - border - padX;
			this.marginBottom = marginBottom;
		}

		void open(int page, float at) {
			this.top = at;
		}

		void close(int page, float at, TaggedPdf pdf) {
			float half = this.border / 2;
			float l = this.left + half;
			float r = this.right - half;
			float t = this.top + half;
			float b = at - half;
			pdf.line(page, l, t, r, t, this.border, RED);
			pdf.line(page, r, t, r, b, this.border, RED);
			pdf.line(page, r, b, l, b, this.border, RED);
			pdf.line(page, l, b, l, t, this.border, RED);
		}

	}

	// ---------------------------------------------------------------- tables

	private void table(Node table, Element structure, float left, float right, Style inherited) {
		Style style = inherited.withSize(7.5f);
		List<Node> head = new ArrayList<>();
		List<Node> body = new ArrayList<>();
		List<Float> percents = new ArrayList<>();
		for (Node child : table.children) {
			if (child.isText()) {
				continue;
			}
			switch (child.tag) {
				case "colgroup" -> {
					for (Node col : child.children) {
						if ("col".equals(col.tag)) {
							String width = col.attribute("style").replace("width:", "").replace("%", "").strip();
							percents.add(Float.parseFloat(width) / 100);
						}
					}
				}
				case "thead" -> rows(child, head);
				case "tbody" -> rows(child, body);
				case "tr" -> body.add(child);
				default -> {
				}
			}
		}
		boolean fields = table.hasClass("fields");
		List<Row> headRows = new ArrayList<>();
		for (Node tr : head) {
			headRows.add(new Row(tr, cells(tr, style, true, false)));
		}
		List<Row> bodyRows = new ArrayList<>();
		for (Node tr : body) {
			bodyRows.add(new Row(tr, cells(tr, style, false, fields)));
		}
		int columns = 0;
		for (Row row : headRows.isEmpty() ? bodyRows : headRows) {
			columns = Math.max(columns, row.span());
		}
		for (Row row : bodyRows) {
			columns = Math.max(columns, row.span());
		}
		float[] widths = percents.size() == columns ? fixed(percents, right - left)
				: auto(headRows, bodyRows, columns, right - left, fields);
		for (Row row : headRows) {
			row.layout(widths);
		}
		for (Row row : bodyRows) {
			row.layout(widths);
		}
		float headHeight = 0;
		for (Row row : headRows) {
			headHeight += row.height;
		}

		Element tableElement = new Element("Table", structure);
		Element headElement = headRows.isEmpty() ? null : new Element("THead", tableElement);
		Element bodyElement = new Element("TBody", tableElement);
		// a row taller than a page below the header is cut between its lines (else its end was drawn
		// below the page's foot, where no reader sees it, after a page holding the header alone)
		float room = BOTTOM - TOP - headHeight;
		// the header and the first row together, never a header alone at the foot of a page
		float first = bodyRows.isEmpty() ? 0 : Math.min(bodyRows.get(0).height, room);
		if (this.y + this.margin + headHeight + first > BOTTOM && this.y > TOP) {
			newPage();
		}
		for (Row row : headRows) {
			row.draw(this, left, place(row.height), new Element("TR", headElement), true);
		}
		int tablePage = this.page;
		for (Row whole : bodyRows) {
			Element tr = new Element("TR", bodyElement);
			for (Row row : whole.slices(room)) {
				if (this.y + this.margin + row.height > BOTTOM && this.y > TOP) {
					newPage();
				}
				if (this.page != tablePage) {
					// the header again at the top of each page the table continues on
					tablePage = this.page;
					for (Row headRow : headRows) {
						headRow.draw(this, left, place(headRow.height), null, true);
					}
				}
				row.draw(this, left, place(row.height), tr, false);
			}
		}
	}

	private static void rows(Node group, List<Node> rows) {
		for (Node child : group.children) {
			if ("tr".equals(child.tag)) {
				rows.add(child);
			}
		}
	}

	private static float[] fixed(List<Float> percents, float width) {
		float[] widths = new float[percents.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = percents.get(i) * width;
		}
		return widths;
	}

	/** CSS's automatic table layout, simplified: each column between its widest word and its longest line. */
	private static float[] auto(List<Row> head, List<Row> body, int columns, float width, boolean fields) {
		float[] min = new float[columns];
		float[] max = new float[columns];
		List<Row> rows = new ArrayList<>(head);
		rows.addAll(body);
		for (Row row : rows) {
			int column = 0;
			for (Cell cell : row.cells) {
				if (cell.span == 1 && column < columns) {
					float[] mm = cell.minMax();
					min[column] = Math.max(min[column], mm[0] + 2 * CELL_X + PX);
					max[column] = Math.max(max[column], mm[1] + 2 * CELL_X + PX);
				}
				column += cell.span;
			}
		}
		float[] widths = new float[columns];
		int from = 0;
		float left = width;
		if (fields && columns > 1) {
			widths[0] = 0.3f * width;
			left -= widths[0];
			from = 1;
		}
		float sumMin = 0;
		float sumMax = 0;
		for (int i = from; i < columns; i++) {
			max[i] = Math.max(max[i], min[i]);
			sumMin += min[i];
			sumMax += max[i];
		}
		for (int i = from; i < columns; i++) {
			if (sumMax <= left) {
				widths[i] = sumMax == 0 ? left / (columns - from) : max[i] + (left - sumMax) * max[i] / sumMax;
			}
			else if (sumMin >= left) {
				widths[i] = min[i] * left / sumMin;
			}
			else {
				widths[i] = min[i] + (left - sumMin) * (max[i] - min[i]) / (sumMax - sumMin);
			}
		}
		return widths;
	}

	private static List<Cell> cells(Node tr, Style table, boolean header, boolean fields) {
		Style row = table;
		int background = -1;
		if (tr.hasClass("total") || tr.hasClass("due")) {
			row = row.withBold(true);
			background = HEAD;
		}
		else if (tr.hasClass("unpaid")) {
			row = row.withColor(GREY);
		}
		List<Cell> cells = new ArrayList<>();
		for (Node child : tr.children) {
			if (child.isText() || !(child.tag.equals("td") || child.tag.equals("th"))) {
				continue;
			}
			boolean th = child.tag.equals("th");
			Style style = th ? row.withBold(true) : row;
			int fill = th ? HEAD : background;
			if (fields && !th && cells.isEmpty()) {
				style = style.withBold(true);
				fill = FIELD;
			}
			if (child.hasClass("diff-pos")) {
				style = style.withColor(GREEN);
			}
			else if (child.hasClass("diff-neg")) {
				style = style.withColor(RED);
			}
			style = classes(child, style);
			String colspan = child.attribute("colspan");
			cells.add(new Cell(child, style, fill, th, child.hasClass("num"), colspan == null ? 1 : Integer.parseInt(colspan)));
		}
		return cells;
	}

	/** A table cell: its paragraphs (a {@code div} inside a cell starts one), laid out once its width is known. */
	private static final class Cell {

		final Node node;

		final Style style;

		final int fill;

		final boolean header;

		final boolean number;

		final int span;

		final List<List<Piece>> paragraphs = new ArrayList<>();

		/** Each paragraph's own style (its lines' strut). */
		final List<Style> struts = new ArrayList<>();

		final List<PdfLine> lines = new ArrayList<>();

		float width;

		float height;

		/** The cell this one is a slice of (itself when whole), which holds the structure element of all its slices. */
		private Cell origin = this;

		private Element element;

		/** Lines {@code from} to {@code to} of a laid out cell, in a row cut across two pages. */
		Cell slice(int from, int to) {
			Cell slice = new Cell(this.node, this.style, this.fill, this.header, this.number, this.span, false);
			slice.origin = this.origin;
			slice.width = this.width;
			float height = 0;
			for (PdfLine line : this.lines.subList(from, to)) {
				slice.lines.add(line);
				height += line.height();
			}
			slice.height = height + 2 * CELL_Y + PX;
			return slice;
		}

		private Cell(Node node, Style style, int fill, boolean header, boolean number, int span, boolean collect) {
			this.node = node;
			this.style = style;
			this.fill = fill;
			this.header = header;
			this.number = number;
			this.span = span;
		}

		Cell(Node node, Style style, int fill, boolean header, boolean number, int span) {
			this(node, style, fill, header, number, span, true);
			List<Piece> current = new ArrayList<>();
			this.paragraphs.add(current);
			this.struts.add(style);
			collect(node, style, current);
		}

		private void collect(Node parent, Style style, List<Piece> current) {
			for (Node child : parent.children) {
				if (child.isText()) {
					this.paragraphs.get(this.paragraphs.size() - 1).add(new Piece(child.text, style));
				}
				else if (child.tag.equals("div")) {
					List<Piece> block = new ArrayList<>();
					Style own = classes(child, style);
					this.paragraphs.add(block);
					this.struts.add(own);
					collect(child, own, block);
					this.paragraphs.add(new ArrayList<>());
					this.struts.add(style);
				}
				else {
					collect(child, inline(child, style), current);
				}
			}
		}

		float[] minMax() {
			float min = 0;
			float max = 0;
			for (List<Piece> paragraph : this.paragraphs) {
				float[] mm = PdfLine.minMax(paragraph);
				min = Math.max(min, mm[0]);
				max = Math.max(max, mm[1]);
			}
			return new float[] { min, max };
		}

		void layout(float width) {
			this.width = width;
			this.lines.clear();
			float height = 0;
			for (int p = 0; p < this.paragraphs.size(); p++) {
				List<Piece> paragraph = this.paragraphs.get(p);
				for (PdfLine line : PdfLine.wrap(paragraph, width - 2 * CELL_X - PX, this.struts.get(p), TABLE_LINE, false)) {
					this.lines.add(line);
					height += line.height();
				}
			}
			if (this.lines.isEmpty()) {
				height = TABLE_LINE * this.style.size();
			}
			this.height = height + 2 * CELL_Y + PX;
		}

	}

	private static final class Row {

		final Node node;

		final List<Cell> cells;

		float height;

		Row(Node node, List<Cell> cells) {
			this.node = node;
			this.cells = cells;
		}

		int span() {
			int span = 0;
			for (Cell cell : this.cells) {
				span += cell.span;
			}
			return span;
		}

		void layout(float[] widths) {
			int column = 0;
			this.height = 0;
			for (Cell cell : this.cells) {
				float width = 0;
				for (int i = column; i < Math.min(widths.length, column + cell.span); i++) {
					width += widths[i];
				}
				column += cell.span;
				cell.layout(width);
				this.height = Math.max(this.height, cell.height);
			}
		}

		/**
		 * The row in slices no taller than {@code room}, cut between lines (at least one line of each
		 * cell a slice, so that the cutting ends): the row itself when it is not taller.
		 */
		List<Row> slices(float room) {
			if (this.height <= room) {
				return List.of(this);
			}
			List<Row> slices = new ArrayList<>();
			int[] next = new int[this.cells.size()];
			boolean left = true;
			while (left) {
				List<Cell> sliced = new ArrayList<>();
				float height = 0;
				left = false;
				for (int c = 0; c < this.cells.size(); c++) {
					Cell cell = this.cells.get(c);
					int from = next[c];
					int to = from;
					float used = 2 * CELL_Y + PX;
					while (to < cell.lines.size() && (to == from || used + cell.lines.get(to).height() <= room)) {
						used += cell.lines.get(to).height();
						to++;
					}
					next[c] = to;
					left |= to < cell.lines.size();
					Cell slice = cell.slice(from, to);
					sliced.add(slice);
					height = Math.max(height, slice.height);
				}
				Row row = new Row(this.node, sliced);
				row.height = height;
				slices.add(row);
			}
			return slices;
		}

		/** Draws the row at {@code top}; {@code structure} is {@code null} for a repeated header (an artifact). */
		void draw(StatementPdfLayout layout, float left, float top, Element structure, boolean header) {
			TaggedPdf pdf = layout.pdf;
			float x = left;
			for (Cell cell : this.cells) {
				if (cell.fill >= 0) {
					pdf.fill(layout.page, x, top, cell.width, this.height, cell.fill);
				}
				float half = PX / 2;
				pdf.line(layout.page, x + half, top + half, x + cell.width - half, top + half, PX, BORDER);
				pdf.line(layout.page, x + cell.width - half, top + half, x + cell.width - half, top + this.height - half, PX, BORDER);
				pdf.line(layout.page, x + cell.width - half, top + this.height - half, x + half, top + this.height - half, PX, BORDER);
				pdf.line(layout.page, x + half, top + this.height - half, x + half, top + half, PX, BORDER);
				Element element = null;
				if (structure != null) {
					element = cell.origin.element;
					if (element == null) {
						element = new Element(cell.header ? "TH" : "TD", structure);
						if (cell.header) {
							element.scope("Column");
						}
						cell.origin.element = element;
					}
				}
				float lineTop = top + PX / 2 + CELL_Y;
				for (PdfLine line : cell.lines) {
					if (!line.runs().isEmpty()) {
						float start = cell.number ? x + cell.width - CELL_X - PX / 2 - line.width() : x + PX / 2 + CELL_X;
						float[] xs = xs(line, start);
						if (element != null) {
							pdf.text(layout.page, element, lineTop + line.ascent(), line.runs(), xs);
						}
						else {
							pdf.artifactText(layout.page, lineTop + line.ascent(), line.runs(), xs);
						}
					}
					lineTop += line.height();
				}
				x += cell.width;
			}
		}

	}

	// ---------------------------------------------------------------- styles and text

	/** The style a block's classes give (print rules of {@code common.html}). */
	private static Style classes(Node node, Style style) {
		Style out = style;
		if (node.hasClass("legend")) {
			out = out.withSize(7).withColor(DARK);
		}
		if (node.hasClass("opening") || node.hasClass("due")) {
			out = out.withBold(true);
		}
		return inline(node, out);
	}

	/** The style of an inline element ({@code strong}, {@code sup}, spans of a class). */
	private static Style inline(Node node, Style style) {
		Style out = style;
		if ("strong".equals(node.tag) || node.hasClass("label")) {
			out = out.withBold(true);
		}
		if ("sup".equals(node.tag)) {
			out = out.withSize(style.size() * 0.83f).withRise(style.size() * 0.33f);
		}
		if (node.hasClass("mark")) {
			out = out.withBold(true).withColor(ORANGE);
		}
		if (node.hasClass("note")) {
			out = out.withSize(8.5f).withColor(ORANGE);
		}
		if (node.hasClass("detail")) {
			out = out.withSize(8).withColor(DARK);
		}
		if (node.hasClass("text")) {
			out = out.withSize(6.5f).withColor(GREY);
		}
		return out;
	}

	/** The text of a block element as styled pieces, in order. */
	private static List<Piece> pieces(Node node, Style style) {
		List<Piece> pieces = new ArrayList<>();
		pieces(node, style, pieces);
		return pieces;
	}

	private static void pieces(Node node, Style style, List<Piece> out) {
		for (Node child : node.children) {
			if (child.isText()) {
				out.add(new Piece(child.text, style));
			}
			else {
				pieces(child, inline(child, style), out);
			}
		}
	}

	private static String collapse(String text) {
		return text.strip().replaceAll("[ \\n\\t\\r]+", " ");
	}

}
