package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** Reads the calculette's HTML pages in tests, with no knowledge of the code that wrote them. */
final class CalculettePages {

	private static final Pattern NAME = Pattern.compile("<(?:input|select)[^>]*\\sname=\"([^\"]+)\"");

	private static final Pattern TOTAL = Pattern.compile("id=\"total\"[^>]*>([^<]*)<");

	private CalculettePages() {
	}

	/** The names of the fields of the page's forms. */
	static Set<String> fieldNames(String html) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = NAME.matcher(html);
		while (matcher.find()) {
			names.add(HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return names;
	}

	/** The estimated total shown on the page ({@code 12 345,67 €}), as a number. */
	static BigDecimal total(String html) {
		Matcher matcher = TOTAL.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no total on the page");
		}
		return euros(HtmlUtils.htmlUnescape(matcher.group(1)));
	}

	private static final Pattern GRAND_TOTAL = Pattern.compile("id=\"total-general\"[^>]*>([^<]*)<");

	/** The estimated total of every payment shown on the page, as a number. */
	static BigDecimal grandTotal(String html) {
		Matcher matcher = GRAND_TOTAL.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no grand total on the page");
		}
		return euros(HtmlUtils.htmlUnescape(matcher.group(1)));
	}

	private static final Pattern ARITHMETIC = Pattern.compile("class=\"arith\"[^>]*>([^<]*)<");

	/**
	 * The arithmetic of every line, in the order of the page (the statement's layout: the lines
	 * paid, then the annex's "if met"), HTML entities decoded.
	 */
	static java.util.List<String> arithmetic(String html) {
		java.util.List<String> lines = new java.util.ArrayList<>();
		Matcher matcher = ARITHMETIC.matcher(html);
		while (matcher.find()) {
			lines.add(HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return lines;
	}

	/** A French amount as written on the pages: {@code 12 345,67 €} with no-break spaces. */
	static BigDecimal euros(String text) {
		return new BigDecimal(text.replace("€", "").replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.'));
	}

}
