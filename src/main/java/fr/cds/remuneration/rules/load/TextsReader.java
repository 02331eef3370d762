package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Provenance;

/**
 * Reads the {@code texts} section: the accords and avenants, each with its dates (or a deliberate
 * {@code unknown}) and the first exercice it governs. Every later value names one of them.
 */
final class TextsReader {

	/** Written instead of a date that no source states. */
	private static final String UNKNOWN = "unknown";

	private final FileParser file;

	TextsReader(FileParser file) {
		this.file = file;
	}

	/** Reads every text of the list into the file's texts, then checks the first exercice is governed. */
	void read(YamlNode textList) {
		textList.list().forEach(this::readText);
		checkTextsGovernFirstExercice(textList);
	}

	private void readText(YamlNode node) {
		Map<String, YamlNode> fields = node.map(Set.of("id", "title", "signed", "approved", "published",
				"first_exercice", "status", "source"));
		String id = required(fields, "id", node.line()).string();
		this.file.guard(id, () -> {
			if (this.file.texts.containsKey(id)) {
				throw node.fail("texte '" + id + "' défini deux fois");
			}
			Provenance provenance = this.file.provenance(fields, node, id);
			LocalDate signed = knownOrUnknownDate(fields, "signed", node);
			LocalDate approved = knownOrUnknownDate(fields, "approved", node);
			LocalDate published = knownOrUnknownDate(fields, "published", node);
			if (signed == null && approved == null && published == null) {
				throw node.fail("texte '" + id + "' sans date connue : donnez au moins sa date de signature");
			}
			if (isBefore(approved, signed) || isBefore(published, signed) || isBefore(published, approved)) {
				throw node.fail("texte '" + id + "' : dates dans le désordre (signé le " + signed + ", approuvé le " + approved
						+ ", publié le " + published + ")");
			}
			int firstExercice = required(fields, "first_exercice", node.line()).integer();
			this.file.texts.put(id, new LegalText(id, required(fields, "title", node.line()).string(), signed, approved,
					published, firstExercice, provenance));
			return null;
		});
	}

	/** Every exercice needs a text that governs it, or no statement could name its latest text. */
	private void checkTextsGovernFirstExercice(YamlNode textList) {
		int first = this.file.exercices.from();
		if (!this.file.texts.isEmpty() && this.file.texts.values().stream().noneMatch(t -> t.firstExercice() <= first)) {
			throw textList.fail("exercice manquant : aucun texte ne régit " + first + ", le premier exercice du jeu de règles");
		}
	}

	/**
	 * A date every text must state: a date, or {@code unknown} when no source gives it, so that a
	 * missing date is a deliberate statement rather than an omission. {@code null} when unknown.
	 */
	private LocalDate knownOrUnknownDate(Map<String, YamlNode> fields, String key, YamlNode owner) {
		YamlNode node = fields.get(key);
		if (node == null) {
			throw owner.fail("'" + key + "' manquant : donnez la date, ou 'unknown' si aucune source ne l'indique");
		}
		return node.string().equals(UNKNOWN) ? null : node.date();
	}

	private static boolean isBefore(LocalDate date, LocalDate reference) {
		return date != null && reference != null && date.isBefore(reference);
	}

}
