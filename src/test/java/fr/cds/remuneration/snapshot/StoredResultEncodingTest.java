package fr.cds.remuneration.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.peer.PeerFigures;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A centre's result as this code stores it (its binary form, {@code RESULT_BIN}, issue 21) and as
 * earlier runs stored it (the JSON deflated, {@code RESULT_PACKED}; the plain JSON,
 * {@code RESULT_JSON}): all read back to the same values, every field and every BigDecimal's scale,
 * through every reader of the stored results.
 */
class StoredResultEncodingTest {

	/** A result stored by a run of the code before the one-stream model (see StoredResultOfOlderRunsTest). */
	private static final Path OLDER = Path.of("src/test/resources/snapshot/centre-result-2024-130000011.json");

	private JdbcTemplate jdbc;

	private RunStore store;

	@BeforeEach
	void database() {
		this.jdbc = MigratedH2.fresh("stored-results");
		this.store = new RunStore(this.jdbc);
	}

	/** A medical centre that meets the socle with a precarity uplift, a dental one that misses it, an older result. */
	private static List<CentreResult> results() throws IOException {
		var rules = RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty());
		RemunerationEngine engine = new RemunerationEngine();
		CentreResult medical = engine.compute(rules, CentreFixture.centre("750000101", CentreType.MEDICAL)
			.socle2024()
			.patients(Population.FILE_ACTIVE, 95, 10, 3)
			.inputs());
		CentreResult dental = engine.compute(rules, CentreFixture.centre("690000104", CentreType.DENTAIRE).inputs());
		CentreResult older = SnapshotJson.read(Files.readString(OLDER, StandardCharsets.UTF_8), CentreResult.class);
		return List.of(medical, dental, older);
	}

	@Test
	void aPackedResultReadsBackToTheSameValuesAsItsPlainJson() throws IOException {
		for (CentreResult result : results()) {
			String json = SnapshotJson.write(result);
			CentreResult unpacked = StoredResultEncoding.unpack(StoredResultEncoding.pack(result));

			// records compare every field; BigDecimal.equals compares the scale too
			assertThat(unpacked).isEqualTo(result).isEqualTo(SnapshotJson.read(json, CentreResult.class));
			// and written again, the same document to the character (every value with its scale)
			assertThat(SnapshotJson.write(unpacked)).isEqualTo(json);
			assertThat(StoredResultEncoding.pack(result).length()).isLessThan(json.length() / 3);
		}
		// the scales as the older result's file has them, e.g. an uplift of 0E-36 points
		CentreResult older = results().get(2);
		CentreResult unpacked = StoredResultEncoding.unpack(StoredResultEncoding.pack(older));
		assertThat(unpacked.uplift().rate()).isEqualTo(older.uplift().rate());
		assertThat(unpacked.uplift().rate().scale()).isGreaterThan(30);
		assertThat(unpacked.lines()).extracting(l -> l.uplift().value().scale())
			.isEqualTo(older.lines().stream().map(l -> l.uplift().value().scale()).toList())
			.contains(36);
	}

	@Test
	void theBinaryFormReadsBackToTheSameValuesAsTheJsonRoute() throws IOException {
		for (CentreResult result : results()) {
			byte[] binary = StoredResultEncoding.encode(result);
			CentreResult decoded = new StoredResultEncoding.Stored(binary).decode();

			// the same result as the JSON routes give (records compare every field, BigDecimal its scale)
			assertThat(decoded).isEqualTo(result)
				.isEqualTo(StoredResultEncoding.unpack(StoredResultEncoding.pack(result)))
				.isEqualTo(SnapshotJson.read(SnapshotJson.write(result), CentreResult.class));
			assertThat(SnapshotJson.write(decoded)).isEqualTo(SnapshotJson.write(result));
			// about as small as the deflated JSON, a fraction of the plain JSON
			assertThat(binary.length).isLessThan(SnapshotJson.writeBytes(result).length / 2);
		}
		CentreResult older = results().get(2);
		CentreResult decoded = RecordBinary.read(StoredResultEncoding.encode(older), CentreResult.class);
		assertThat(decoded.uplift().rate().scale()).isEqualTo(older.uplift().rate().scale()).isGreaterThan(30);
		assertThat(decoded.lines()).extracting(l -> l.uplift().value().scale())
			.isEqualTo(older.lines().stream().map(l -> l.uplift().value().scale()).toList())
			.contains(36);
	}

	@Test
	void aTruncatedPackedValueIsRefusedNotReadAsAnotherResult() throws IOException {
		String packed = StoredResultEncoding.pack(results().get(0));
		String truncated = packed.substring(0, packed.length() / 8 * 4);

		assertThatThrownBy(() -> StoredResultEncoding.unpack(truncated)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aDamagedStoredResultIsRefusedNamingTheCentreAndTheColumn() throws IOException {
		List<CentreResult> results = results();
		this.store.saveResults(1, results);
		completed(1, 1);
		String finess = results.get(0).centre().finess();
		byte[] binary = this.jdbc.queryForObject("SELECT RESULT_BIN FROM CENTRE_RESULT WHERE RUN_ID = 1 AND FINESS = ?",
				byte[].class, finess);
		byte[] flipped = binary.clone();
		flipped[flipped.length / 2] ^= 0x10;
		byte[] otherHead = StoredResultEncoding.encode(results.get(1));
		System.arraycopy(binary, 40, otherHead, 40, Math.min(binary.length, otherHead.length) - 40);
		List<byte[]> damagedBinary = List.of(java.util.Arrays.copyOf(binary, binary.length / 2), flipped, otherHead,
				"pas un résultat binaire".getBytes(StandardCharsets.UTF_8), new byte[0],
				java.util.Arrays.copyOf(binary, binary.length + 1));
		for (byte[] value : damagedBinary) {
			this.jdbc.update("UPDATE CENTRE_RESULT SET RESULT_BIN = ? WHERE RUN_ID = 1 AND FINESS = ?", value, finess);
			assertRefusedByEveryReader(results, finess, "RESULT_BIN");
		}
		// a row of a run from V36_1 on (deflated JSON) whose value is damaged
		String packed = StoredResultEncoding.pack(results.get(0));
		List<String> damaged = List.of(packed.substring(0, packed.length() / 8 * 4), "pas du base64 !",
				java.util.Base64.getEncoder().encodeToString("du texte, pas un flux deflate".getBytes()),
				StoredResultEncoding.pack(results.get(1)).substring(0, 12) + packed.substring(12));
		for (String value : damaged) {
			this.jdbc.update("UPDATE CENTRE_RESULT SET RESULT_BIN = NULL, RESULT_PACKED = ? WHERE RUN_ID = 1 AND FINESS = ?",
					value, finess);
			assertRefusedByEveryReader(results, finess, "RESULT_PACKED");
		}
		// a row of an earlier run whose plain JSON is damaged
		this.jdbc.update("UPDATE CENTRE_RESULT SET RESULT_PACKED = NULL, RESULT_JSON = '{\"centre\": ' WHERE RUN_ID = 1 AND FINESS = ?",
				finess);
		assertThatThrownBy(() -> this.store.result(1, finess))
			.hasStackTraceContaining("résultat stocké du centre " + finess + " illisible (colonne RESULT_JSON");
	}

	private void assertRefusedByEveryReader(List<CentreResult> results, String finess, String column) {
		for (org.assertj.core.api.ThrowableAssert.ThrowingCallable read : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
				() -> this.store.result(1, finess), () -> this.store.results(1),
				() -> this.store.latestCompletedResult(results.get(0).exercice(), finess),
				() -> this.jdbc.query(ResultStore.STORED_RESULTS_OF_RUN, (rs, i) -> StoredResultEncoding.stored(rs, 1), 1L)
					.forEach(StoredResultEncoding.Stored::decode))) {
			assertThatThrownBy(read).as(column)
				.hasStackTraceContaining("résultat stocké du centre " + finess + " illisible (colonne " + column);
		}
	}

	@Test
	void everyReaderReadsResultsStoredInEachFormOfEveryRun() throws IOException {
		List<CentreResult> results = results();
		// run 1: this code (binary); run 2: the same results as runs before issue 21 stored them
		// (plain JSON); run 3: as runs from V36_1 to V37_1 stored them (deflated JSON)
		this.store.saveResults(1, results);
		for (CentreResult r : results) {
			for (String[] form : List.of(new String[] { "2", "RESULT_JSON", SnapshotJson.write(r) },
					new String[] { "3", "RESULT_PACKED", StoredResultEncoding.pack(r) })) {
				this.jdbc.update("INSERT INTO CENTRE_RESULT (RUN_ID, FINESS, EXERCICE, RULESET, CENTRE_TYPE, REGION_CODE, SOCLE_MET, TOTAL_EUR, "
						+ form[1] + ") VALUES (" + form[0] + ", ?, ?, ?, ?, ?, ?, ?, ?)", r.centre().finess(), r.exercice(),
						r.ruleSet().reference(), r.centre().type(), r.centre().regionCode(), r.socle().met(), r.totalEuros(),
						form[2]);
			}
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM CENTRE_RESULT WHERE RUN_ID = 1 AND RESULT_JSON IS NULL AND RESULT_PACKED IS NULL AND RESULT_BIN IS NOT NULL",
				Integer.class)).isEqualTo(3);
		completed(1, 1);
		completed(3, 3);
		completed(2, 2);

		List<CentreResult> inFinessOrder = results.stream()
			.sorted(java.util.Comparator.comparing(r -> r.centre().finess()))
			.toList();
		for (long run : List.of(1L, 2L, 3L)) {
			assertThat(this.store.results(run)).isEqualTo(inFinessOrder);
			for (CentreResult r : results) {
				assertThat(this.store.result(run, r.centre().finess())).contains(r);
			}
			// the statements step's cursor
			assertThat(this.jdbc.query(ResultStore.STORED_RESULTS_OF_RUN, (rs, i) -> StoredResultEncoding.stored(rs, 1),
					run)).extracting(StoredResultEncoding.Stored::decode).isEqualTo(inFinessOrder);
			assertThat(this.store.socleFailures(run)).isEqualTo(this.store.socleFailures(1)).isNotEmpty();
		}
		// the latest completed run is run 3, stored as deflated JSON
		for (CentreResult r : results) {
			assertThat(this.store.latestCompletedResult(r.exercice(), r.centre().finess())).contains(r);
		}
		// peer figures of a run whose figures were not stored with its results: read from the results
		this.jdbc.update("DELETE FROM CENTRE_PEER_FIGURES");
		List<PeerFigures> expected = inFinessOrder.stream().map(PeerFigures::of).toList();
		assertThat(new PeerFiguresReader(this.jdbc).figures(1)).isEqualTo(expected);
		assertThat(new PeerFiguresReader(this.jdbc).figures(2)).isEqualTo(expected);
		assertThat(new PeerFiguresReader(this.jdbc).figures(3)).isEqualTo(expected);
	}

	private void completed(long instance, long execution) {
		this.jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, 'annualPaymentJob', ?)",
				instance, "key" + instance);
		this.jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS) VALUES (?, 0, ?, CURRENT_TIMESTAMP, 'COMPLETED')",
				execution, instance);
	}

}
