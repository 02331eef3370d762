package fr.cds.remuneration.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a statement as a self-contained HTML page (no external resource) with the
 * {@code statement} template. Thymeleaf escapes every value taken from the inputs.
 */
@Component
public class StatementHtmlRenderer {

	private final ITemplateEngine templates;

	public StatementHtmlRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	public String render(StatementView view) {
		Context context = new Context(Locale.FRANCE);
		context.setVariable("view", view);
		context.setVariable("fmt", TemplateFormats.INSTANCE);
		return this.templates.process("statement", context);
	}

	public void write(Path target, StatementView view) {
		String html = render(view);
		AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
	}

}
