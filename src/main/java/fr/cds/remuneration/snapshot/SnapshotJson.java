package fr.cds.remuneration.snapshot;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
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
		.build();

	/** Leaves the stream open: its owner finishes it (a deflater's last block). */
	private static final ObjectWriter TO_STREAM = MAPPER.writer()
		.without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET);

	private SnapshotJson() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	/** The same JSON as {@link #write(Object)}, in UTF-8 on {@code out} (left open). */
	public static void write(Object value, java.io.OutputStream out) {
		TO_STREAM.writeValue(out, value);
	}

	/** A value written by {@link #write(Object, java.io.OutputStream)}, read from UTF-8 bytes. */
	public static <T> T read(java.io.InputStream in, Class<T> type) {
		return MAPPER.readValue(in, type);
	}

}
