package fr.cds.remuneration.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statement's own HTML read back as a tree: the one description of the page, written by
 * {@code StatementHtmlWriter}, from which the PDF is laid out (the words are never written twice).
 * <p>
 * Only the XHTML that writer produces is read: elements, attributes in double quotes, the five
 * entities it escapes ({@code &lt; &gt; &amp; &quot; &#39;}) and numeric ones, comments, the
 * doctype, and {@code <style>} whose content is skipped (its rules are {@link PdfStyle}'s).
 */
final class PageHtml {

	/** An element or, with a {@code null} tag, a text node. */
	static final class Node {

		final String tag;

		final Map<String, String> attributes;

		final List<Node> children = new ArrayList<>();

		final String text;

		Node(String tag, Map<String, String> attributes) {
			this.tag = tag;
			this.attributes = attributes;
			this.text = null;
		}

		Node(String text) {
			this.tag = null;
			this.attributes = Map.of();
			this.text = text;
		}

		boolean isText() {
			return this.tag == null;
		}

		String attribute(String name) {
			return this.attributes.get(name);
		}

		boolean hasClass(String name) {
			String classes = this.attributes.get("class");
			if (classes == null) {
				return false;
			}
			for (String one : classes.split(" ")) {
				if (one.equals(name)) {
					return true;
				}
			}
			return false;
		}

		/** The first element of this tag below this one (depth first), or {@code null}. */
		Node find(String wanted) {
			for (Node child : this.children) {
				if (wanted.equals(child.tag)) {
					return child;
				}
				Node found = child.isText() ? null : child.find(wanted);
				if (found != null) {
					return found;
				}
			}
			return null;
		}

		/** The text of this node and its descendants, as written (whitespace not collapsed). */
		String textContent() {
			if (isText()) {
				return this.text;
			}
			StringBuilder out = new StringBuilder();
			for (Node child : this.children) {
				out.append(child.textContent());
			}
			return out.toString();
		}

	}

	private static final java.util.Set<String> VOID = java.util.Set.of("meta", "col", "br", "img", "link");

	private final String html;

	private int at;

	private PageHtml(String html) {
		this.html = html;
	}

	/** The {@code <html>} element of the page. */
	static Node parse(String html) {
		PageHtml parser = new PageHtml(html);
		Node root = new Node("#document", Map.of());
		parser.children(root);
		Node page = root.find("html");
		if (page == null) {
			throw new IllegalArgumentException("page sans élément html");
		}
		return page;
	}

	/** Reads nodes into {@code parent} until its end tag (or the end of the page). */
	private void children(Node parent) {
		StringBuilder text = new StringBuilder();
		while (this.at < this.html.length()) {
			char c = this.html.charAt(this.at);
			if (c != '<') {
				if (c == '&') {
					this.at = entity(text);
				}
				else {
					text.append(c);
					this.at++;
				}
				continue;
			}
			if (this.html.startsWith("<!--", this.at)) {
				this.at = after("-->", this.at);
				continue;
			}
			if (this.html.startsWith("<!", this.at)) {
				this.at = after(">", this.at);
				continue;
			}
			flush(parent, text);
			if (this.html.startsWith("</", this.at)) {
				this.at = after(">", this.at);
				return;
			}
			Node element = startTag();
			parent.children.add(element);
			boolean selfClosed = this.html.charAt(this.at - 2) == '/';
			if (element.tag.equals("style")) {
				this.at = after("</style>", this.at);
			}
			else if (!selfClosed && !VOID.contains(element.tag)) {
				children(element);
			}
		}
		flush(parent, text);
	}

	/**
	 * The index after the next {@code token} from {@code from}: a page cut short (a comment, a tag or
	 * a style never closed) is refused, where reading on from index -1 + its length read the page
	 * again from its start, for ever.
	 */
	private int after(String token, int from) {
		int found = this.html.indexOf(token, from);
		if (found < 0) {
			throw new IllegalArgumentException("page HTML coupée : « " + token + " » attendu après la position " + from);
		}
		return found + token.length();
	}

	private static void flush(Node parent, StringBuilder text) {
		if (!text.isEmpty()) {
			parent.children.add(new Node(text.toString()));
			text.setLength(0);
		}
	}

	/** Reads {@code <tag a="v" ...>} or {@code <tag .../>}; {@link #at} is left after it. */
	private Node startTag() {
		int i = this.at + 1;
		int nameEnd = i;
		while (nameEnd < this.html.length() && !Character.isWhitespace(this.html.charAt(nameEnd))
				&& this.html.charAt(nameEnd) != '>' && this.html.charAt(nameEnd) != '/') {
			nameEnd++;
		}
		String tag = this.html.substring(i, nameEnd);
		Map<String, String> attributes = new TreeMap<>();
		i = nameEnd;
		while (true) {
			while (Character.isWhitespace(this.html.charAt(i)) || this.html.charAt(i) == '/') {
				i++;
			}
			if (this.html.charAt(i) == '>') {
				this.at = i + 1;
				return new Node(tag, attributes.isEmpty() ? Map.of() : attributes);
			}
			int equals = this.html.indexOf('=', i);
			String name = this.html.substring(i, equals).strip();
			int open = this.html.indexOf('"', equals);
			int close = this.html.indexOf('"', open + 1);
			StringBuilder value = new StringBuilder();
			for (int j = open + 1; j < close;) {
				char c = this.html.charAt(j);
				if (c == '&') {
					int saved = this.at;
					this.at = j;
					j = entity(value);
					this.at = saved;
				}
				else {
					value.append(c);
					j++;
				}
			}
			attributes.put(name, value.toString());
			i = close + 1;
		}
	}

	/** Decodes the entity at {@link #at} into {@code out}; returns the index after it. */
	private int entity(StringBuilder out) {
		int end = this.html.indexOf(';', this.at);
		if (end < 0) {
			throw new IllegalArgumentException("page HTML : « & » non échappé à la position " + this.at);
		}
		String name = this.html.substring(this.at + 1, end);
		switch (name) {
			case "lt" -> out.append('<');
			case "gt" -> out.append('>');
			case "amp" -> out.append('&');
			case "quot" -> out.append('"');
			case "apos" -> out.append('\'');
			case "nbsp" -> out.append('\u00A0');
			default -> {
				if (name.startsWith("#x") || name.startsWith("#X")) {
					out.appendCodePoint(Integer.parseInt(name.substring(2), 16));
				}
				else if (name.startsWith("#")) {
					out.appendCodePoint(Integer.parseInt(name.substring(1)));
				}
				else {
					throw new IllegalArgumentException("entité HTML inconnue : &" + name + ";");
				}
			}
		}
		return end + 1;
	}

}
