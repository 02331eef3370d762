package fr.cds.remuneration.extract;

import fr.cds.remuneration.centre.Population;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate search against the obvious route (a map of every (centre, fingerprint) to its first
 * row, in file order), on spills made so that fingerprints crowd into the same sort groups and
 * the sort needs many runs: tiny chunks of 16 rows, fingerprints from a set of 64.
 */
class DuplicateRowFinderTest {

	@TempDir
	Path work;

	/** One spilled row as the test knows it. */
	record Row(int partition, long line, int centre, long idHash, int contribution) {
	}

	/** A duplicate as (partition, line) of the row and of the first row it repeats. */
	record Found(int partition, long line, int firstPartition, long firstLine) {
	}

	@Test
	void findsEveryDuplicateAndItsFirstRowAcrossPartitionsAndSortedRuns() {
		List<List<Row>> partitions = randomPartitions(new Random(7), 3, 400, 64, 3);

		assertThat(find(partitions, 16)).isEqualTo(obvious(partitions)).isNotEmpty();
	}

	@Test
	void givesTheSameAnswerWhenEverythingFitsInOneChunk() {
		List<List<Row>> partitions = randomPartitions(new Random(11), 2, 300, 40, 2);

		assertThat(find(partitions, DuplicateRowFinder.DEFAULT_CHUNK_ROWS)).isEqualTo(obvious(partitions))
			.isEqualTo(find(partitions, 4));
	}

	/**
	 * The usual extract lists a centre's patients together: such centres are searched in place, the
	 * others (a centre met again later, in several partitions, or whose run another centre's row
	 * interrupts) sorted; both together give the obvious answer, whatever the chunk.
	 */
	@Test
	void centresListedTogetherOrNotGiveTheObviousAnswer() {
		for (int seed = 0; seed < 40; seed++) {
			Random random = new Random(seed);
			List<List<Row>> partitions = new ArrayList<>();
			int centre = 0;
			for (int p = 0; p < 1 + random.nextInt(4); p++) {
				List<Row> partition = new ArrayList<>();
				long line = p == 0 ? 2 : 1;
				for (int i = 0; i < random.nextInt(300); i++) {
					if (random.nextInt(30) == 0) {
						// the next centre, or, now and then, one met before
						centre = random.nextInt(5) == 0 ? random.nextInt(centre + 1) : centre + 1;
					}
					int rowCentre = random.nextInt(100) == 0 ? random.nextInt(centre + 1) : centre;
					line += 1 + random.nextInt(2);
					partition.add(new Row(p, line, rowCentre, random.nextInt(40), random.nextInt(128)));
				}
				partitions.add(partition);
			}
			Set<Found> expected = obvious(partitions);

			assertThat(find(partitions, 16)).as("seed " + seed).isEqualTo(expected);
			assertThat(find(partitions, DuplicateRowFinder.DEFAULT_CHUNK_ROWS)).as("seed " + seed).isEqualTo(expected);
		}
	}

	/**
	 * The size limit of the search in place: a centre of exactly {@link DuplicateRowFinder#LOCAL_MAX_ROWS}
	 * rows, listed together across a partition cut, is searched in place; the next one, one row
	 * larger, is sorted (in several runs with the smaller chunk); a small centre after them. Patients
	 * repeat within each centre and across centres; both routes must give the obvious answer.
	 */
	@Test
	void centresAtAndJustOverTheInPlaceLimitGiveTheObviousAnswer() {
		Random random = new Random(2024);
		int[] sizes = { DuplicateRowFinder.LOCAL_MAX_ROWS, DuplicateRowFinder.LOCAL_MAX_ROWS + 1, 1_000 };
		List<Row> file = new ArrayList<>();
		for (int centre = 0; centre < sizes.length; centre++) {
			for (int i = 0; i < sizes[centre]; i++) {
				file.add(new Row(0, 0, centre, random.nextInt(200_000), random.nextInt(128)));
			}
		}
		// two partitions, the cut inside the first centre
		int cut = DuplicateRowFinder.LOCAL_MAX_ROWS / 2;
		List<List<Row>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
		for (int i = 0; i < file.size(); i++) {
			int p = i < cut ? 0 : 1;
			long line = p == 0 ? i + 2 : i - cut + 1;
			Row row = file.get(i);
			partitions.get(p).add(new Row(p, line, row.centre(), row.idHash(), row.contribution()));
		}
		Set<Found> expected = obvious(partitions);

		assertThat(expected).hasSizeGreaterThan(100_000);
		assertThat(find(partitions, 1 << 16)).isEqualTo(expected);
		assertThat(find(partitions, DuplicateRowFinder.DEFAULT_CHUNK_ROWS)).isEqualTo(expected);
	}

	@Test
	void aRowRepeatedThousandsOfTimesKeepsItsFirstOccurrence() {
		List<Row> rows = new ArrayList<>();
		for (int line = 2; line < 5002; line++) {
			rows.add(new Row(0, line, 5, 0x1234_5678_9ABC_DEF0L, 0));
		}
		Set<Found> found = find(List.of(rows), 64);

		assertThat(found).hasSize(4999).allMatch(f -> f.firstPartition() == 0 && f.firstLine() == 2);
	}

	/**
	 * What a duplicate had added comes back whole from the spill, so that it can be taken out of its
	 * centre: the 15 bits of its contribution (age 120, every status, not seen, its populations), in
	 * the last partition a spill can number and for the last centre it can number.
	 */
	@Test
	void aDuplicateKeepsItsWholeContributionPartitionAndCentre() throws IOException {
		int contribution = RowContribution.withAge(RowContribution.C2S | RowContribution.ALD | RowContribution.HANDICAP
				| RowContribution.NOT_SEEN | RowContribution.of(Population.MEDECIN_TRAITANT)
				| RowContribution.of(Population.FILE_ACTIVE), 120);
		int other = RowContribution.withAge(RowContribution.of(Population.FILE_ACTIVE), 7);
		int centre = SpilledRow.MAX_CENTRES - 1;
		Path file = this.work.resolve("last.spill");
		try (FingerprintSpill.Writer writer = FingerprintSpill.create(file, 255)) {
			writer.accepted(42, centre, 2, 3, other);
			writer.accepted(42, centre, 9, 3, contribution);
			writer.end(List.of("RG", "MSA", "SLM", "ENIM"));
		}
		List<DuplicateRowFinder.Duplicate> duplicates = new ArrayList<>();
		new DuplicateRowFinder(16, this.work.resolve("runs"))
			.find(List.of(FingerprintSpill.open(file, 255, 2).orElseThrow()), duplicates::add);

		assertThat(duplicates).containsExactly(
				new DuplicateRowFinder.Duplicate(255, 9, centre, 3, contribution, 255, 2, 3, other));
		assertThat(RowContribution.age(contribution)).isEqualTo(120);
		assertThat(RowContribution.in(contribution, Population.FILE_ACTIVE_EQUIPE)).isFalse();
	}

	@Test
	void theSamePatientInTwoCentresIsNotADuplicate() {
		List<Row> rows = List.of(new Row(0, 2, 0, 42, 0), new Row(0, 3, 1, 42, 0), new Row(0, 4, 0, 43, 0));

		assertThat(find(List.of(rows), 16)).isEmpty();
	}

	@Test
	void aSpillIsUsedOnlyWhenCompleteAndOfTheExpectedSize() throws IOException {
		Path file = this.work.resolve("p.spill");
		assertThat(FingerprintSpill.open(file, 0, 0)).isEmpty();
		try (FingerprintSpill.Writer writer = FingerprintSpill.create(file, 0)) {
			writer.accepted(1, 0, 2, 0, 0);
			writer.accepted(2, 0, 3, 1, 0);
		}
		assertThat(FingerprintSpill.open(file, 0, 2)).as("never ended: a crash while folding").isEmpty();
		try (FingerprintSpill.Writer writer = FingerprintSpill.create(file, 0)) {
			writer.accepted(1, 0, 2, 0, 0);
			writer.accepted(2, 0, 3, 1, 0);
			writer.end(List.of("RG", "MSA"));
		}
		assertThat(FingerprintSpill.open(file, 0, 2)).hasValueSatisfying(c -> {
			assertThat(c.rows()).isEqualTo(2);
			assertThat(c.schemes()).containsExactly("RG", "MSA");
		});
		assertThat(FingerprintSpill.open(file, 0, 3)).as("another fold's count").isEmpty();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(Files.size(file) - 1);
		}
		assertThat(FingerprintSpill.open(file, 0, 2)).as("cut short").isEmpty();
	}

	private Set<Found> find(List<List<Row>> partitions, int chunkRows) {
		List<FingerprintSpill.Contents> spills = new ArrayList<>();
		for (int p = 0; p < partitions.size(); p++) {
			Path file = this.work.resolve("chunk" + chunkRows + "-partition-" + p + ".spill");
			try (FingerprintSpill.Writer writer = FingerprintSpill.create(file, p)) {
				for (Row row : partitions.get(p)) {
					writer.accepted(row.idHash(), row.centre(), row.line(), 0, row.contribution());
				}
				writer.end(List.of("RG"));
			}
			spills.add(FingerprintSpill.open(file, p, partitions.get(p).size()).orElseThrow());
		}
		Set<Found> found = new HashSet<>();
		new DuplicateRowFinder(chunkRows, this.work.resolve("runs")).find(spills, d -> {
			assertThat(found.add(new Found(d.partition(), d.line(), d.firstPartition(), d.firstLine()))).isTrue();
		});
		assertThat(this.work.resolve("runs")).satisfiesAnyOf(runs -> assertThat(runs).doesNotExist(),
				runs -> assertThat(runs).isEmptyDirectory());
		return found;
	}

	/** Every row whose (centre, fingerprint) appeared earlier in the file, with that earlier row. */
	private static Set<Found> obvious(List<List<Row>> partitions) {
		Map<String, Row> first = new HashMap<>();
		Set<Found> found = new HashSet<>();
		for (List<Row> partition : partitions) {
			for (Row row : partition) {
				Row earlier = first.putIfAbsent(row.centre() + "|" + row.idHash(), row);
				if (earlier != null) {
					found.add(new Found(row.partition(), row.line(), earlier.partition(), earlier.line()));
				}
			}
		}
		return found;
	}

	private static List<List<Row>> randomPartitions(Random random, int count, int rows, int fingerprints, int centres) {
		List<List<Row>> partitions = new ArrayList<>();
		for (int p = 0; p < count; p++) {
			List<Row> partition = new ArrayList<>();
			long line = p == 0 ? 2 : 1;
			for (int i = 0; i < rows; i++) {
				line += 1 + random.nextInt(3);
				partition.add(new Row(p, line, random.nextInt(centres), random.nextInt(fingerprints), random.nextInt(128)));
			}
			partitions.add(partition);
		}
		return partitions;
	}

}
