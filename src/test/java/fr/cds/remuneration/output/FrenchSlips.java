package fr.cds.remuneration.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of slip a proofreader found, or looked for, in the statements of the sample centres
 * (issue 17, §6), as patterns over a statement's text: each finding quotes the slip in its
 * context, so that a failing test says what to fix.
 */
final class FrenchSlips {

	/** A number written with a decimal point ({@code 0.5}) rather than a comma; a version ({@code @2026.2}) is not a number. */
	private static final Pattern DECIMAL_POINT = Pattern.compile("(?<![@.\\d])\\d+\\.\\d+(?![.\\d])");

	/** A code of the rule data or of the inputs ({@code SI_STANDARD}, {@code MISSIONS_SANTE_PUBLIQUE}). */
	private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	/** A plural after 0 or 1 ({@code 1 patients}): French takes the singular there. */
	private static final Pattern PLURAL_AFTER_ONE = Pattern.compile(
			"(?<![\\d,.])[01] (patients|actes|engagements|lignes|jours|centres|contrats|points"
					+ "|indicateurs|professionnels|déclarés|atteints|rejetées)\\b");

	/** An insurance scheme printed by its code and a count ({@code RG 81}), without its name. */
	private static final Pattern SCHEME_CODE = Pattern.compile("(?<![(\\w])(RG|MSA|SLM|AUTRE) \\d");

	/** "le centre n'emploie pas" left without the profession it does not employ. */
	private static final Pattern EMPLOYS_NOBODY = Pattern.compile("n'emploie pas(?! d[e'’] ?[a-zé])");

	private static final List<Pattern> ALL = List.of(DECIMAL_POINT, RAW_CODE, PLURAL_AFTER_ONE, SCHEME_CODE,
			EMPLOYS_NOBODY);

	private FrenchSlips() {
	}

	/** The text of an HTML page as a reader gets it: no style, comment or tag, entities decoded, spaces folded. */
	static String text(String html) {
		String body = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("<[^>]+>", " ");
		return org.springframework.web.util.HtmlUtils.htmlUnescape(body).replaceAll("[\\s\\u00A0\\u202F]+", " ");
	}

	/** Every slip in {@code text}, with 30 characters of context each side; empty when none. */
	static List<String> in(String text) {
		List<String> slips = new ArrayList<>();
		for (Pattern pattern : ALL) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				slips.add("«" + text.substring(Math.max(0, matcher.start() - 30), Math.min(text.length(), matcher.end() + 30))
					.replace('\n', ' ') + "»");
			}
		}
		return slips;
	}

}
