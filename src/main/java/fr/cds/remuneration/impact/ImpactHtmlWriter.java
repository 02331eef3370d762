package fr.cds.remuneration.impact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import fr.cds.remuneration.output.AtomicFiles;

/** Writes {@code impact.html}: self-contained (inline CSS and SVG charts, no script, nothing fetched). */
@Component
public class ImpactHtmlWriter {

	static final String FILE = "impact.html";

	private final ITemplateEngine templates;

	public ImpactHtmlWriter(ITemplateEngine templates) {
		this.templates = templates;
	}

	void write(Path directory, ImpactReport report) {
		Context context = new Context(Locale.FRANCE);
		context.setVariable("view", ImpactHtmlView.of(report));
		String html = this.templates.process("impact", context);
		AtomicFiles.write(directory.resolve(FILE), out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
	}

}
