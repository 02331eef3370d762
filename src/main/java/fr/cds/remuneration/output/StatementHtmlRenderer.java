package fr.cds.remuneration.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a statement as a self-contained HTML page (no external resource): the balance statement
 * with the {@code statement} template, the regularisation statement with {@code regularisation}.
 * Thymeleaf escapes every value taken from the inputs.
 */
@Component
public class StatementHtmlRenderer {

	private final ITemplateEngine templates;

	public StatementHtmlRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	public String render(StatementView view) {
		return render("statement", view);
	}

	/** The balance statement with the peer benchmark's block ({@link PeerBenchmarkView#statement}). */
	public String render(StatementView view, List<PeerBenchmarkView.Row> peers) {
		Context context = context(view);
		context.setVariable("peers", peers);
		context.setVariable("peerMethod", PeerBenchmarkView.METHOD);
		return this.templates.process("statement", context);
	}

	public String render(RegularisationView view) {
		return render("regularisation", view);
	}

	public void write(Path target, StatementView view) {
		write(target, render(view));
	}

	public void write(Path target, RegularisationView view) {
		write(target, render(view));
	}

	private String render(String template, Object view) {
		return this.templates.process(template, context(view));
	}

	private static Context context(Object view) {
		Context context = new Context(Locale.FRANCE);
		context.setVariable("view", view);
		context.setVariable("fmt", TemplateFormats.INSTANCE);
		return context;
	}

	private static void write(Path target, String html) {
		AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
	}

}
