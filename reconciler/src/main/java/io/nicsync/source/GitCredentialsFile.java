package io.nicsync.source;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * A file in the format of git's credential store ({@code git help credential-store}): one
 * {@code https://user:secret@host[:port][/path]} per line. The first line whose scheme, host and port match the URL
 * wins; a line with a path matches only URLs under that path, a line with a user only that user.
 */
final class GitCredentialsFile {

    /** A user name and secret for one URL. toString never shows the secret. */
    record Entry(String user, String secret) {
        @Override
        public String toString() {
            return "Entry[user=" + user + ", secret=***]";
        }
    }

    private static final Pattern LINE =
            Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^:@/]*)(?::([^@/]*))?@([^/:]+)(?::(\\d+))?(/.*)?$");

    private GitCredentialsFile() {}

    static Optional<Entry> find(Path file, URIish url) throws SourceException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SourceException(SourceException.Reason.AUTHENTICATION,
                    "git credentials file not found: " + file);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.AUTHENTICATION,
                    "cannot read git credentials file " + file + ": " + e.getClass().getSimpleName());
        }
        for (String line : lines) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches() && m.group(3) != null && matches(m, url)) {
                return Optional.of(new Entry(decode(m.group(2)), decode(m.group(3))));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Matcher m, URIish url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        String host = url.getHost() == null ? "" : url.getHost();
        int port = m.group(5) == null ? -1 : Integer.parseInt(m.group(5));
        String path = m.group(6) == null ? "" : m.group(6).replaceAll("/+$", "");
        String urlPath = url.getPath() == null ? "" : url.getPath();
        String user = decode(m.group(2));
        return m.group(1).equalsIgnoreCase(scheme)
                && m.group(4).toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                && port == url.getPort()
                && (path.isEmpty() || urlPath.equals(path) || urlPath.startsWith(path + "/")
                        || urlPath.equals(path + ".git"))
                && (url.getUser() == null || url.getUser().equals(user));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
