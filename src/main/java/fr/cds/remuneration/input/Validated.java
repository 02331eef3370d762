package fr.cds.remuneration.input;

import java.util.List;

/**
 * A row after validation: either its accepted value or the reasons it is rejected. Both go to
 * the writer, so that every row read is accounted for in the same transaction.
 */
public record Validated<T>(long line, T value, List<Reject> rejects) {

	public static <T> Validated<T> accepted(long line, T value) {
		return new Validated<>(line, value, List.of());
	}

	public static <T> Validated<T> rejected(long line, List<Reject> rejects) {
		return new Validated<>(line, null, List.copyOf(rejects));
	}

	public boolean isAccepted() {
		return this.value != null;
	}

}
