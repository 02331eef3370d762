package fr.cds.remuneration.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTest {

	@TempDir
	Path run;

	@Test
	void temporaryFilesLeftByACrashAreRemovedAndNotListed() throws Exception {
		Files.createDirectories(this.run.resolve("statements"));
		Files.writeString(this.run.resolve("payments.csv"), "abc");
		Files.writeString(this.run.resolve("statements/750000101.csv"), "");
		Files.writeString(this.run.resolve("statements/690000104.html.tmp"), "half a statem");
		Files.writeString(this.run.resolve("rejects.csv.tmp"), "half");

		ManifestWriter.write(this.run);

		assertThat(this.run.resolve("statements/690000104.html.tmp")).doesNotExist();
		assertThat(this.run.resolve("rejects.csv.tmp")).doesNotExist();
		// sha256sum of "abc" and of the empty file, in the format of sha256sum
		assertThat(Files.readString(this.run.resolve("manifest.sha256"), StandardCharsets.UTF_8)).isEqualTo(
				"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  payments.csv\n"
						+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  statements/750000101.csv\n");
	}

	@Test
	void writingItAgainListsTheSameFilesNotItself() throws Exception {
		Files.writeString(this.run.resolve("payments.csv"), "abc");
		ManifestWriter.write(this.run);
		String first = Files.readString(this.run.resolve("manifest.sha256"));

		ManifestWriter.write(this.run);

		assertThat(Files.readString(this.run.resolve("manifest.sha256"))).isEqualTo(first).doesNotContain("manifest");
	}

	@Test
	void manyFilesHashedOnEveryCoreAreListedOnceInPathOrder() throws Exception {
		// the files are hashed in parallel: each line must still be its own file's, in the order of the paths
		TreeMap<String, String> expected = new TreeMap<>();
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < 500; i++) {
			String path = (i % 3 == 0 ? "statements/" : i % 3 == 1 ? "statements/regions/" : "") + i + ".csv";
			byte[] content = ("fichier " + i + "\n").repeat(i).getBytes(StandardCharsets.UTF_8);
			Files.createDirectories(this.run.resolve(path).getParent());
			Files.write(this.run.resolve(path), content);
			expected.put(path, HexFormat.of().formatHex(sha256.digest(content)));
		}
		StringBuilder manifest = new StringBuilder();
		expected.forEach((path, sum) -> manifest.append(sum).append("  ").append(path).append('\n'));

		ManifestWriter.write(this.run);

		assertThat(Files.readString(this.run.resolve("manifest.sha256"), StandardCharsets.UTF_8))
			.isEqualTo(manifest.toString());
	}

}
