package fr.cds.remuneration.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A tagged PDF (PDF/UA-1) written page by page: text shown inside marked-content sequences that
 * belong to the elements of a structure tree ({@link Element}), everything else (borders,
 * backgrounds, the running header and the page numbers) marked as artifacts. The pages' content is
 * kept as operators until {@link #save}, so that the page count is known when the page numbers are
 * written.
 * <p>
 * Nothing here depends on the clock: the same calls give the same bytes (the document identifier
 * is given by the caller).
 */
final class TaggedPdf {

	static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

	static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	/** A structure element: its type, its kids (elements, or marked-content ids on pages). */
	static final class Element {

		final COSDictionary cos = new COSDictionary();

		private final COSArray kids = new COSArray();

		private final List<Element> children = new ArrayList<>();

		private int page = -1;

		Element(String type, Element parent) {
			this.cos.setItem(COSName.TYPE, COSName.STRUCT_ELEM);
			this.cos.setItem(COSName.S, COSName.getPDFName(type));
			this.cos.setItem(COSName.K, this.kids);
			if (parent != null) {
				this.cos.setItem(COSName.P, parent.cos);
				parent.kids.add(this.cos);
				parent.children.add(this);
			}
		}

		/** A table header cell's scope (PDF/UA: every TH says what it heads). */
		Element scope(String scope) {
			COSDictionary attributes = new COSDictionary();
			attributes.setDirect(true);
			attributes.setItem(COSName.O, COSName.getPDFName("Table"));
			attributes.setItem(COSName.getPDFName("Scope"), COSName.getPDFName(scope));
			this.cos.setItem(COSName.A, attributes);
			return this;
		}

	}

	/** One page: its artifacts (drawn first, under the text) and its tagged content. */
	private static final class Page {

		final StringBuilder artifacts = new StringBuilder(2048);

		final StringBuilder content = new StringBuilder(8192);

		/** The element of each marked-content id of the page, in id order. */
		final List<Element> marked = new ArrayList<>();

	}

	private final PDDocument document = new PDDocument();

	private final StatementFonts fonts;

	private final EmbeddedFont[] faces = { new EmbeddedFont(false), new EmbeddedFont(true) };

	private final List<Page> pages = new ArrayList<>();

	private final Element root;

	TaggedPdf() throws IOException {
		this.fonts = StatementFonts.borrow();
		this.root = new Element("Document", null);
	}

	Element root() {
		return this.root;
	}

	int pageCount() {
		return this.pages.size();
	}

	/** Adds a page; the next drawings go to it. */
	void newPage() {
		this.pages.add(new Page());
	}

	private Page page(int index) {
		return this.pages.get(index);
	}

	/** A filled rectangle, an artifact ({@code top} measured from the top of the page). */
	void fill(int page, float x, float top, float width, float height, int rgb) {
		StringBuilder out = page(page).artifacts;
		color(out, rgb, "rg");
		num(out, x).append(' ');
		num(out, PAGE_HEIGHT - top - height).append(' ');
		num(out, width).append(' ');
		num(out, height).append(" re f\n");
	}

	/** A line, an artifact. */
	void line(int page, float x1, float top1, float x2, float top2, float width, int rgb) {
		StringBuilder out = page(page).artifacts;
		color(out, rgb, "RG");
		num(out, width).append(" w ");
		num(out, x1).append(' ');
		num(out, PAGE_HEIGHT - top1).append(" m ");
		num(out, x2).append(' ');
		num(out, PAGE_HEIGHT - top2).append(" l S\n");
	}

	/** A disc (a list's bullet), an artifact. */
	void disc(int page, float cx, float cyTop, float r, int rgb) {
		StringBuilder out = page(page).artifacts;
		float cy = PAGE_HEIGHT - cyTop;
		float k = 0.5523f * r;
		color(out, rgb, "rg");
		num(out, cx + r).append(' ');
		num(out, cy).append(" m ");
		curve(out, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		curve(out, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		curve(out, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		curve(out, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		out.append("f\n");
	}

	private static void curve(StringBuilder out, float... points) {
		for (float point : points) {
			num(out, point).append(' ');
		}
		out.append("c ");
	}

	/**
	 * Text runs on one line, marked as content of {@code element} ({@code baseline} from the top of
	 * the page); {@code runs} alternate with their x positions in {@code xs}.
	 */
	void text(int page, Element element, float baseline, List<PdfLine.Run> runs, float[] xs) {
		Page target = page(page);
		int mcid = target.marked.size();
		target.marked.add(element);
		if (element.page < 0) {
			element.page = page;
			element.kids.add(COSInteger.get(mcid));
		}
		else if (element.page == page) {
			element.kids.add(COSInteger.get(mcid));
		}
		else {
			COSDictionary reference = new COSDictionary();
			reference.setDirect(true);
			reference.setItem(COSName.TYPE, COSName.getPDFName("MCR"));
			reference.setItem(COSName.PG, COSInteger.get(page)); // replaced at save
			reference.setItem(COSName.MCID, COSInteger.get(mcid));
			element.kids.add(reference);
		}
		StringBuilder out = target.content;
		out.append('/').append(element.cos.getCOSName(COSName.S).getName()).append(" <</MCID ").append(mcid)
			.append(">> BDC\nBT\n");
		for (int i = 0; i < runs.size(); i++) {
			show(out, runs.get(i), xs[i], baseline);
		}
		out.append("ET\nEMC\n");
	}

	/** Text drawn as an artifact of the page's pagination (running header, page number). */
	void paginationText(int page, String subtype, PdfLine.Run run, float x, float baseline) {
		StringBuilder out = page(page).content;
		out.append("/Artifact <</Type /Pagination /Subtype /").append(subtype).append(">> BDC\nBT\n");
		show(out, run, x, baseline);
		out.append("ET\nEMC\n");
	}

	/** Text that repeats what the structure already holds (a table's header on a later page): an artifact. */
	void artifactText(int page, float baseline, List<PdfLine.Run> runs, float[] xs) {
		StringBuilder out = page(page).content;
		out.append("/Artifact BMC\nBT\n");
		for (int i = 0; i < runs.size(); i++) {
			show(out, runs.get(i), xs[i], baseline);
		}
		out.append("ET\nEMC\n");
	}

	private void show(StringBuilder out, PdfLine.Run run, float x, float baseline) {
		color(out, run.style().rgb(), "rg");
		out.append(run.style().bold() ? "/F2 " : "/F1 ");
		num(out, run.style().size()).append(" Tf 1 0 0 1 ");
		num(out, x).append(' ');
		num(out, PAGE_HEIGHT - baseline + run.style().rise()).append(" Tm <");
		this.faces[run.style().bold() ? 1 : 0].encode(run.text(), out);
		out.append("> Tj\n");
	}

	private static void color(StringBuilder out, int rgb, String operator) {
		num(out, ((rgb >> 16) & 0xFF) / 255f).append(' ');
		num(out, ((rgb >> 8) & 0xFF) / 255f).append(' ');
		num(out, (rgb & 0xFF) / 255f).append(' ').append(operator).append(' ');
	}

	/** A number with at most two decimals, as PDF operands are written. */
	static StringBuilder num(StringBuilder out, float value) {
		long hundredths = Math.round(value * 100.0);
		if (hundredths < 0) {
			out.append('-');
			hundredths = -hundredths;
		}
		out.append(hundredths / 100);
		long rest = hundredths % 100;
		if (rest != 0) {
			out.append('.').append(rest / 10);
			if (rest % 10 != 0) {
				out.append(rest % 10);
			}
		}
		return out;
	}

	/**
	 * Writes the document: the pages with their content, the structure tree and its parent tree,
	 * the language, the title shown by the reader, the XMP metadata with the PDF/UA mark.
	 *
	 * @param id the document's identifier (16 bytes), derived from its content by the caller
	 */
	void save(OutputStream out, String title, String subject, String language, String producer, byte[] id)
			throws IOException {
		try {
			List<PDPage> written = new ArrayList<>(this.pages.size());
			COSArray parentTreeNums = new COSArray();
			COSDictionary regular = this.faces[0].write(this.document, this.fonts.face(false));
			COSDictionary bold = this.faces[1].write(this.document, this.fonts.face(true));
			// the page tree built here: PDFBox's PDPageTree.add walks the whole document for each page
			// it adds (PDDocument.setHighestImportedObjectNumber: measured 5 % of a PDF's CPU)
			COSDictionary pageTree = this.document.getPages().getCOSObject();
			COSArray kids = new COSArray();
			for (int i = 0; i < this.pages.size(); i++) {
				Page page = this.pages.get(i);
				PDPage pdPage = new PDPage(PDRectangle.A4);
				COSDictionary fontsDictionary = new COSDictionary();
				fontsDictionary.setItem(COSName.getPDFName("F1"), regular);
				fontsDictionary.setItem(COSName.getPDFName("F2"), bold);
				COSDictionary resources = new COSDictionary();
				resources.setItem(COSName.FONT, fontsDictionary);
				pdPage.setResources(new PDResources(resources));
				pdPage.getCOSObject().setInt(COSName.STRUCT_PARENTS, i);
				pdPage.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
				StringBuilder all = new StringBuilder(page.artifacts.length() + page.content.length() + 64);
				if (!page.artifacts.isEmpty()) {
					all.append("/Artifact BMC\n").append(page.artifacts).append("EMC\n");
				}
				all.append(page.content);
				PDStream stream = new PDStream(this.document);
				try (OutputStream body = stream.createOutputStream(COSName.FLATE_DECODE)) {
					body.write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
				}
				pdPage.setContents(stream);
				pdPage.getCOSObject().setItem(COSName.PARENT, pageTree);
				kids.add(pdPage.getCOSObject());
				written.add(pdPage);
				COSArray marked = new COSArray();
				for (Element element : page.marked) {
					marked.add(element.cos);
				}
				parentTreeNums.add(COSInteger.get(i));
				parentTreeNums.add(marked);
			}
			pageTree.setItem(COSName.KIDS, kids);
			pageTree.setInt(COSName.COUNT, written.size());
			resolvePages(this.root, written);
			COSDictionary treeRoot = new COSDictionary();
			treeRoot.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
			this.root.cos.setItem(COSName.P, treeRoot);
			treeRoot.setItem(COSName.K, this.root.cos);
			COSDictionary parentTree = new COSDictionary();
			parentTree.setItem(COSName.NUMS, parentTreeNums);
			treeRoot.setItem(COSName.PARENT_TREE, parentTree);
			treeRoot.setInt(COSName.PARENT_TREE_NEXT_KEY, this.pages.size());

			PDDocumentCatalog catalog = this.document.getDocumentCatalog();
			catalog.getCOSObject().setItem(COSName.STRUCT_TREE_ROOT, treeRoot);
			PDMarkInfo markInfo = new PDMarkInfo();
			markInfo.setMarked(true);
			catalog.setMarkInfo(markInfo);
			catalog.setLanguage(language);
			PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
			preferences.setDisplayDocTitle(true);
			catalog.setViewerPreferences(preferences);
			PDMetadata metadata = new PDMetadata(this.document);
			try (OutputStream xmp = metadata.createOutputStream()) {
				xmp.write(xmp(title, subject, producer).getBytes(StandardCharsets.UTF_8));
			}
			catalog.setMetadata(metadata);
			this.document.getDocumentInformation().setTitle(title);
			if (subject != null) {
				this.document.getDocumentInformation().setSubject(subject);
			}
			this.document.getDocumentInformation().setProducer(producer);
			COSArray ids = new COSArray();
			ids.add(new COSString(id));
			ids.add(new COSString(id));
			this.document.getDocument().getTrailer().setItem(COSName.ID, ids);
			this.document.save(out);
		}
		finally {
			this.document.close();
			this.fonts.giveBack();
		}
	}

	/** Gives every element its first page and every marked-content reference its page. */
	private static void resolvePages(Element element, List<PDPage> pages) {
		COSDictionary cos = element.cos;
		cos.removeItem(COSName.PG);
		if (element.page >= 0) {
			cos.setItem(COSName.PG, pages.get(element.page));
		}
		for (COSBase kid : element.kids) {
			if (kid instanceof COSDictionary reference && COSName.getPDFName("MCR").equals(reference.getItem(COSName.TYPE))) {
				reference.setItem(COSName.PG, pages.get(reference.getInt(COSName.PG)));
			}
		}
		for (Element child : element.children) {
			resolvePages(child, pages);
		}
	}

	/** Closes the document without saving (after a failure). */
	void discard() {
		try {
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.fonts.giveBack();
		}
	}

	private static String xmp(String title, String subject, String producer) {
		return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
				+ "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
				+ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
				+ "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
				+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
				+ "<pdfuaid:part>1</pdfuaid:part>\n"
				+ "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) + "</rdf:li></rdf:Alt></dc:title>\n"
				+ (subject == null ? ""
						: "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(subject)
								+ "</rdf:li></rdf:Alt></dc:description>\n")
				+ "<pdf:Producer>" + xml(producer) + "</pdf:Producer>\n"
				+ "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
