package fr.cds.remuneration.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of files and contents, as recorded with runs and in output manifests. */
public final class Checksums {

	/**
	 * Read buffer: small enough not to be a "humongous" object for G1 (half a region or more, 1 MB
	 * regions under a 512 MB heap), which would go straight to the old generation and, over the
	 * thousands of statements a manifest hashes, cause full collections.
	 */
	static final int BUFFER_BYTES = 64 * 1024;

	private Checksums() {
	}

	public static String sha256(byte[] content) {
		return HexFormat.of().formatHex(digest().digest(content));
	}

	public static String sha256(Path file) {
		MessageDigest digest = digest();
		byte[] buffer = new byte[BUFFER_BYTES];
		try (InputStream in = Files.newInputStream(file)) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + file, ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
