package org.medsift.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Medsift's version, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/medsift/app/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
