package fr.cds.remuneration.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose constants are written in data files (rule sets, inputs) by a code of their own,
 * such as {@code yes_no} or {@code medecin_traitant}.
 */
public interface DataCode {

	String dataValue();

	/** The constant of {@code type} written {@code value} in data, if any. */
	static <E extends Enum<E> & DataCode> Optional<E> parse(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.dataValue().equals(value)).findFirst();
	}

}
