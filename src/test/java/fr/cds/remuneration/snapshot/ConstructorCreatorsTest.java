package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SnapshotJson} builds records through {@link ConstructorCreators}: the same objects as
 * Jackson's own creator call, and a constructor's refusal reported as Jackson reports it.
 */
class ConstructorCreatorsTest {

	/** Jackson as {@link SnapshotJson} configures it, without the module. */
	private static final JsonMapper JACKSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	record Line(String code, BigDecimal euros, List<String> notes) {

		Line {
			if (code.isEmpty()) {
				throw new IllegalArgumentException("empty code");
			}
			notes = List.copyOf(notes);
		}

	}

	record Outer(Line line, int count) {
	}

	@Test
	void recordsReadAsJacksonReadsThem() {
		String json = "{\"line\":{\"code\":\"A\",\"euros\":5600.00,\"notes\":[\"x\",\"y\"]},\"count\":3,\"unknown\":1}";

		Outer read = SnapshotJson.read(json, Outer.class);

		assertThat(read).isEqualTo(JACKSON.readValue(json, Outer.class))
			.isEqualTo(new Outer(new Line("A", new BigDecimal("5600.00"), List.of("x", "y")), 3));
		assertThat(read.line().euros().scale()).isEqualTo(2);
	}

	@Test
	void aConstructorsRefusalIsReportedAsJacksonReportsIt() {
		String json = "{\"line\":{\"code\":\"\",\"euros\":1,\"notes\":[]},\"count\":3}";
		Throwable jackson = org.assertj.core.api.Assertions.catchThrowable(() -> JACKSON.readValue(json, Outer.class));

		assertThatThrownBy(() -> SnapshotJson.read(json, Outer.class)).isInstanceOf(jackson.getClass())
			.hasMessage(jackson.getMessage())
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("empty code");
	}

}
