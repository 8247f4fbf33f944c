package io.nicsync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code nicsync --version}: the version and the commit the binary was built from. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = p.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            commit = "unknown";
        }
        return new String[] {"nicsync " + p.getProperty("version", "unknown") + " (commit " + commit + ")"};
    }
}
