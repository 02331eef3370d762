package fr.cds.remuneration.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders a statement as PDF from the very HTML of the HTML statement (same template, same
 * words), with an embedded DejaVu Sans font so that every character (€, ≥, →, accents) prints the
 * same everywhere and nothing is fetched from outside. The fonts are parsed once and lent to each
 * PDF ({@link StatementFonts}); each PDF embeds the subset of the glyphs it shows.
 * <p>
 * The PDF is tagged (PDF/UA-1: structure tree, {@code /Lang} from the page's {@code lang}, title
 * from its {@code <title>} shown by the reader): screen readers read it, as the public sector must
 * publish. PDF/UA also leaves out the 14 standard PDF fonts, which are never embedded and which
 * PDFBox, finding none of them on a server, replaced one by one with a warning (16 per PDF).
 * <p>
 * The same page gives the same bytes on every run: no creation date (openhtmltopdf stamps the
 * wall clock) and a document identifier derived from the page, where PDFBox would derive one
 * from the clock. A restarted run therefore writes the PDFs an uninterrupted one writes.
 */
@Component
public class StatementPdfRenderer {

	private static final String FONT_FAMILY = "DejaVu Sans";

	/** Producer recorded in the PDF (openhtmltopdf's own name otherwise). */
	static final String PRODUCER = "cds-remuneration";

	/** The fonts' metrics, computed for the first PDF of the process and shared by all the others and all threads. */
	private static final FSCacheEx<String, FSCacheValue> FONT_METRICS = new SharedCache();

	static {
		PdfLibraryLogging.install();
	}

	private final StatementHtmlRenderer html;

	/** Always true in the application; false only for {@code StatementPdfBenchmark}'s measure of what PDF/UA costs. */
	private final boolean tagged;

	@Autowired
	public StatementPdfRenderer(StatementHtmlRenderer html) {
		this(html, true);
	}

	StatementPdfRenderer(StatementHtmlRenderer html, boolean tagged) {
		this.html = html;
		this.tagged = tagged;
	}

	public void write(Path target, StatementView view) {
		byte[] pdf = render(this.html.render(view));
		AtomicFiles.write(target, out -> out.write(pdf));
	}

	/**
	 * The PDF of a statement page already rendered as HTML (the same page), laid out by
	 * {@link StatementPdfLayout} and written directly with PDFBox ({@link TaggedPdf}).
	 */
	public byte[] render(String page) {
		PageHtml.Node html = PageHtml.parse(page);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			TaggedPdf pdf = new TaggedPdf();
			try {
				String running = StatementPdfLayout.layout(html, pdf);
				StatementPdfLayout.paginate(pdf, running);
			}
			catch (RuntimeException ex) {
				pdf.discard();
				throw ex;
			}
			PageHtml.Node title = html.find("title");
			String subject = null;
			PageHtml.Node head = html.find("head");
			for (PageHtml.Node child : head.children) {
				if ("meta".equals(child.tag) && "subject".equals(child.attribute("name"))) {
					subject = child.attribute("content");
				}
			}
			String lang = html.attribute("lang");
			pdf.save(out, title == null ? "" : title.textContent().strip(), subject, lang == null ? "fr" : lang, PRODUCER,
					Arrays.copyOf(sha256(page), 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The PDF of the page by openhtmltopdf, the former route (kept for comparison: {@code StatementPdfBenchmark}). */
	byte[] renderWithOpenHtmlToPdf(String page) {
		StatementFonts fonts = StatementFonts.borrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try (PDDocument document = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(this.tagged);
			// the pages' marked-content dictionary without PDFBox's quadratic search (measured: 6-7 % of the CPU)
			builder.usePageSupplier(TaggedPageSupplier.INSTANCE);
			builder.withProducer(PRODUCER);
			builder.usePDDocument(document);
			builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
			builder.useFont(new PDFontSupplier(fonts.regular(document)), FONT_FAMILY, 400,
					PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(fonts.bold(document)), FONT_FAMILY, 700,
					PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.withHtmlContent(page, null);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDFWithoutClosing();
				makeReproducible(document, page);
				// object streams kept: without them the PDFs were 3.2 times larger for 15 % less CPU (measured)
				document.save(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			fonts.giveBack();
		}
		return out.toByteArray();
	}

	/** Removes what changes from one run to the next: the creation date, and the clock-derived identifier. */
	private static void makeReproducible(PDDocument document, String page) {
		document.getDocumentInformation().setCreationDate(null);
		document.getDocumentInformation().setModificationDate(null);
		byte[] id = Arrays.copyOf(sha256(page), 16);
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		document.getDocument().getTrailer().setItem(COSName.ID, ids);
	}

	private static byte[] sha256(String page) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(page.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** openhtmltopdf's cache interface over a map that the rendering threads share. */
	private static final class SharedCache implements FSCacheEx<String, FSCacheValue> {

		private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

		@Override
		public void put(String key, FSCacheValue value) {
			this.values.put(key, value);
		}

		@Override
		public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
			return this.values.computeIfAbsent(key, k -> {
				try {
					return loader.call();
				}
				catch (Exception ex) {
					throw new IllegalStateException("font metrics of " + k, ex);
				}
			});
		}

		@Override
		public FSCacheValue get(String key) {
			return this.values.get(key);
		}

	}

}
