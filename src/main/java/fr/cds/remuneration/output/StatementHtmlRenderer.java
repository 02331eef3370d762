package fr.cds.remuneration.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a statement as a self-contained HTML page (no external resource): the balance statement
 * and the regularisation statement, laid out by {@link StatementHtmlWriter} (which escapes every
 * value taken from the inputs as Thymeleaf does) in the style of {@code common.html}, which
 * Thymeleaf renders once here.
 */
@Component
public class StatementHtmlRenderer {

	private final ITemplateEngine templates;

	/** The {@code <style>} element of {@code common.html}, rendered by Thymeleaf on first use. */
	private volatile String style;

	public StatementHtmlRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	private String style() {
		String rendered = this.style;
		if (rendered == null) {
			// two threads may render it at once: the same text
			rendered = this.templates.process("common", Set.of("style"), new Context(Locale.FRANCE));
			this.style = rendered;
		}
		return rendered;
	}

	public String render(StatementView view) {
		return StatementHtmlWriter.statement(style(), view, null);
	}

	/** The balance statement with the peer benchmark's block ({@link PeerBenchmarkView#statement}). */
	public String render(StatementView view, List<PeerBenchmarkView.Row> peers) {
		return StatementHtmlWriter.statement(style(), view, peers);
	}

	public String render(RegularisationView view) {
		return StatementHtmlWriter.regularisation(style(), view);
	}

	public void write(Path target, StatementView view) {
		write(target, render(view));
	}

	public void write(Path target, RegularisationView view) {
		write(target, render(view));
	}

	private static void write(Path target, String html) {
		AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
	}

}
