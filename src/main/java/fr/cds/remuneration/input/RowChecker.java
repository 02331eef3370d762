package fr.cds.remuneration.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import fr.cds.remuneration.centre.Finess;

/**
 * Reads the fields of one row, collecting a {@link Reject} for every field that does not fit
 * instead of stopping at the first: the operator sees all the problems of a row at once.
 */
public final class RowChecker {

	private final CsvRow row;

	private final List<Reject> rejects = new ArrayList<>();

	private String finess;

	/** Columns whose value cannot be shown (too long, invisible characters): rejected once, never quoted nor checked further. */
	private final Set<String> overLong = new HashSet<>();

	public RowChecker(CsvRow row) {
		this.row = row;
		if (!row.consistent()) {
			reject("*", row.size() + " champs", RowShape.wrongFieldCount(row.values(), row.columns().size()));
		}
		for (int i = 0; i < row.size(); i++) {
			String column = row.columnName(i);
			int length = row.values()[i].length();
			if (length > FieldLengths.max(column)) {
				reject(column, FieldLengths.described(length), FieldLengths.reason(column, length));
				this.overLong.add(column);
			}
			else if (RowShape.hasLineBreak(row.values()[i])) {
				reject(row.columnName(i), RowShape.visibleLineBreaks(row.values()[i]), RowShape.LINE_BREAK);
			}
			else if (RowShape.invisibleCharacter(row.values()[i]) >= 0) {
				int at = RowShape.invisibleCharacter(row.values()[i]);
				reject(column, FieldLengths.described(length), RowShape.invisibleReason(row.values()[i], at));
				this.overLong.add(column);
			}
		}
	}

	/** The row's FINESS, remembered so that later rejects are attached to the centre. */
	public Optional<Finess> finess(String column) {
		String raw = this.row.get(column).strip();
		Optional<Finess> parsed = Finess.parse(raw);
		if (parsed.isPresent()) {
			this.finess = parsed.get().value();
			this.rejects.replaceAll(r -> new Reject(r.file(), r.line(), this.finess, r.field(), r.value(), r.reason()));
		}
		else {
			reject(column, raw, Finess.problem(raw).map(RowChecker::finessReason).orElseThrow());
		}
		return parsed;
	}

	/**
	 * {@link #finess(String)}, looked up first among {@code known} (valid FINESS by value, such as the
	 * run's accepted centres): a known one is not parsed again.
	 */
	public Optional<Finess> finess(String column, Map<String, Finess> known) {
		Finess found = known.get(this.row.get(column).strip());
		if (found == null) {
			return finess(column);
		}
		this.finess = found.value();
		if (!this.rejects.isEmpty()) {
			this.rejects.replaceAll(r -> new Reject(r.file(), r.line(), this.finess, r.field(), r.value(), r.reason()));
		}
		return Optional.of(found);
	}

	/** The French reason for a FINESS that is not valid. */
	public static String finessReason(Finess.Problem problem) {
		return switch (problem) {
			case MISSING -> "FINESS manquant";
			case MALFORMED -> "FINESS mal formé (9 caractères attendus, commençant par le département)";
			case WRONG_KEY -> "FINESS invalide : la clé de contrôle (9e caractère, clé de Luhn des 8 premiers) ne"
					+ " correspond pas";
		};
	}

	public Optional<String> required(String column) {
		String value = this.row.get(column).strip();
		if (value.isEmpty()) {
			reject(column, value, "valeur obligatoire manquante");
			return Optional.empty();
		}
		return Optional.of(value);
	}

	/** A value read by {@code parser}; an empty or unreadable value is rejected with {@code expected}. */
	public <T> Optional<T> parsed(String column, Function<String, Optional<T>> parser, String expected) {
		return required(column).flatMap(value -> {
			Optional<T> parsed = parser.apply(value);
			if (parsed.isEmpty()) {
				reject(column, value, "valeur non reconnue (attendu : " + expected + ")");
			}
			return parsed;
		});
	}

	public Optional<LocalDate> date(String column, boolean required) {
		String value = this.row.get(column).strip();
		if (value.isEmpty()) {
			if (required) {
				reject(column, value, "date obligatoire manquante");
			}
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException ex) {
			reject(column, value, "date non reconnue (attendu : AAAA-MM-JJ)");
			return Optional.empty();
		}
	}

	/**
	 * A decimal in {@code [0, max]}; comma or point as decimal separator. An empty cell is rejected,
	 * never read as 0: a figure left out is not a figure of zero (write 0 for none).
	 */
	public Optional<BigDecimal> decimal(String column, BigDecimal max) {
		String value = this.row.get(column).strip();
		if (value.isEmpty()) {
			if (this.row.consistent()) {
				// a row of the wrong width is already rejected: its missing cells are not new problems
				reject(column, value, "valeur obligatoire manquante (écrire 0 s'il n'y en a pas)");
			}
			return Optional.empty();
		}
		try {
			BigDecimal parsed = new BigDecimal(value.replace(',', '.'));
			if (parsed.signum() < 0) {
				reject(column, value, "valeur négative");
				return Optional.empty();
			}
			if (parsed.compareTo(max) > 0) {
				reject(column, value, "valeur invraisemblable (plus de " + max.toPlainString() + ")");
				return Optional.empty();
			}
			return Optional.of(parsed);
		}
		catch (NumberFormatException ex) {
			reject(column, value, "nombre non reconnu");
			return Optional.empty();
		}
	}

	public void reject(String column, String value, String reason) {
		if (this.overLong.contains(column)) {
			// already rejected for its length: any other reason would quote it, and adds nothing
			return;
		}
		this.rejects.add(new Reject(this.row.file(), this.row.line(), this.finess, column, value, reason));
	}

	public boolean hasRejects() {
		return !this.rejects.isEmpty();
	}

	/** The row accepted with {@code value}, or rejected with every problem found. */
	public <T> Validated<T> result(Supplier<T> value) {
		if (!this.rejects.isEmpty()) {
			return Validated.rejected(this.row.line(), this.rejects);
		}
		return Validated.accepted(this.row.line(), value.get());
	}

}
