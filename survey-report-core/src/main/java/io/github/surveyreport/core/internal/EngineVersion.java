package io.github.surveyreport.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of survey-report-core, from a resource the build writes. */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {
    }

    /** e.g. {@code 0.1.0}; {@code unknown} when run from classes the build did not filter. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/io/github/surveyreport/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
