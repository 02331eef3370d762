package fr.cds.remuneration.output;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's diagnostics to the application's logging (SLF4J) under their own
 * {@code com.openhtmltopdf.*} names, instead of the console handler the library installs on
 * java.util.logging by default, which ignored {@code logging.level.*} and printed five
 * information lines per PDF (font loaded, stylesheets parsed, fast mode…). The level check comes
 * first, so a diagnostic below the configured level costs no formatting.
 */
final class PdfLibraryLogging implements XRLogger {

	private static final PdfLibraryLogging INSTANCE = new PdfLibraryLogging();

	private PdfLibraryLogging() {
	}

	/** Installs the bridge once for the process (idempotent; XRLog's logger is global). */
	static void install() {
		if (XRLog.getLoggerImpl() != INSTANCE) {
			XRLog.setLoggerImpl(INSTANCE);
		}
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		return enabled(LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere()), diagnostic.getLevel());
	}

	@Override
	public void log(Diagnostic diagnostic) {
		log(diagnostic.getLogMessageId().getWhere(), diagnostic.getLevel(), diagnostic.getFormattedMessage(),
				diagnostic.hasError() ? diagnostic.getError() : null);
	}

	@Override
	public void log(String where, Level level, String msg) {
		log(where, level, msg, null);
	}

	@Override
	public void log(String where, Level level, String msg, Throwable th) {
		Logger logger = LoggerFactory.getLogger(where);
		if (!enabled(logger, level)) {
			return;
		}
		if (level.intValue() >= Level.SEVERE.intValue()) {
			logger.error(msg, th);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			logger.warn(msg, th);
		}
		else if (level.intValue() >= Level.INFO.intValue()) {
			logger.info(msg, th);
		}
		else {
			logger.debug(msg, th);
		}
	}

	/** Levels are set in the application's configuration ({@code logging.level.com.openhtmltopdf}), not here. */
	@Override
	public void setLevel(String logger, Level level) {
	}

	private static boolean enabled(Logger logger, Level level) {
		int value = level.intValue();
		if (value >= Level.SEVERE.intValue()) {
			return logger.isErrorEnabled();
		}
		if (value >= Level.WARNING.intValue()) {
			return logger.isWarnEnabled();
		}
		if (value >= Level.INFO.intValue()) {
			return logger.isInfoEnabled();
		}
		return logger.isDebugEnabled();
	}

}
