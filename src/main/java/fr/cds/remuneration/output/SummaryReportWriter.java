package fr.cds.remuneration.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Writes {@code summary.html}: the summary report, self-contained (inline SVG charts, inline CSS). */
@Component
public class SummaryReportWriter {

	private final ITemplateEngine templates;

	public SummaryReportWriter(ITemplateEngine templates) {
		this.templates = templates;
	}

	public void write(Path target, SummaryReport report) {
		write(target, report, null);
	}

	/** @param peers the peer benchmark's tables ({@link PeerBenchmarkView#summary}), or {@code null} */
	public void write(Path target, SummaryReport report, List<PeerBenchmarkView.Table> peers) {
		Context context = new Context(Locale.FRANCE);
		context.setVariable("report", report);
		context.setVariable("peerTables", peers);
		context.setVariable("peerMethod", PeerBenchmarkView.METHOD);
		context.setVariable("peerLegend", PeerBenchmarkView.SUMMARY_LEGEND);
		String html = this.templates.process("summary", context);
		AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
	}

}
