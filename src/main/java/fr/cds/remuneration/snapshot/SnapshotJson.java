package fr.cds.remuneration.snapshot;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of what a run stores (centres, aggregates, results). Keys are written in a stable
 * order so that the same run gives the same bytes on every database.
 */
public final class SnapshotJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(new ConstructorCreators())
		.build();

	private SnapshotJson() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	/** The same JSON as {@link #write(Object)}, in UTF-8. */
	public static byte[] writeBytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/** A value written by {@link #writeBytes}, from the first {@code length} bytes of {@code json}. */
	public static <T> T read(byte[] json, int length, Class<T> type) {
		return MAPPER.readValue(json, 0, length, type);
	}

}
