package org.gridgov.infra;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The embedded servers log a lot at INFO (Kafka alone prints hundreds of lines on start-up), and a
 * test JVM without a Logback configuration would even print DEBUG. When Logback is the SLF4J
 * backend, their loggers are turned down to WARN (never up, if configured quieter); any other
 * backend is left alone.
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void atWarn(String... loggerNames) {
        if (LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback")) {
            Logback.atWarn(loggerNames);
        }
    }

    /** Loaded only when Logback is present (it is an optional dependency). */
    private static final class Logback {
        static void atWarn(String... loggerNames) {
            for (String name : loggerNames) {
                Logger logger = (Logger) LoggerFactory.getLogger(name);
                if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
                    logger.setLevel(Level.WARN);
                }
            }
        }
    }
}
