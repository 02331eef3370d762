package fr.cds.remuneration.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven by Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}, installed by {@code scripts/install-test-tools.sh}, which .ci/run calls):
 * no browser or driver is downloaded. The flags keep Chromium off this machine's closed network.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path BINARY = Path.of("/usr/bin/chromium");

	public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots go: under target/, never in the repository. */
	public static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final ChromeDriver driver;

	public HeadlessChromium() {
		if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("Chromium and chromedriver are required by the browser tests: install the"
					+ " Debian packages chromium and chromium-driver (the build does it when run as root)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1600");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Console messages of level SEVERE (errors) since the last call. */
	public List<LogEntry> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	public Path screenshot(String name) throws java.io.IOException {
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.write(target, this.driver.getScreenshotAs(OutputType.BYTES));
		return target;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
