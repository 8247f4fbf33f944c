package io.nicsync.source;

import io.nicsync.guard.Redaction;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * What {@link SourceSpec#repo()} names: a directory read in place, or a URL cloned into the cache. Follows git's own
 * rule for scp-like addresses: {@code host:path} with no {@code /} before the first colon is ssh, anything else
 * without a scheme is a local path.
 */
sealed interface RepoLocation {

    Set<String> SCHEMES = Set.of("file", "https", "http", "ssh", "git", "git+ssh", "ssh+git");
    Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?[^/:@]+:.+$");
    Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    /** A working tree or bare repository on this machine, read without a cache. */
    record Local(Path directory) implements RepoLocation {}

    /**
     * A repository reached through a transport, cloned bare into the cache.
     *
     * @param url exactly as given: the cache directory is derived from it
     * @param display the URL without its credentials, for messages
     */
    record Remote(String url, URIish uri, String display) implements RepoLocation {
        boolean isSsh() {
            String scheme = uri.getScheme();
            return scheme == null ? uri.getHost() != null : scheme.toLowerCase(Locale.ROOT).contains("ssh");
        }

        boolean isHttps() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }
    }

    static RepoLocation parse(String repo) throws SourceException {
        int schemeEnd = repo.indexOf("://");
        if (schemeEnd > 0) {
            String scheme = repo.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                throw new SourceException(SourceException.Reason.NOT_FOUND,
                        "unsupported repository URL scheme '" + scheme + "' (use a local path, file://, https://, "
                                + "ssh:// or user@host:path)");
            }
            return remote(repo);
        }
        if (SCP_LIKE.matcher(repo).matches() && !WINDOWS_DRIVE.matcher(repo).matches()) {
            return remote(repo);
        }
        return new Local(Path.of(repo).toAbsolutePath().normalize());
    }

    private static Remote remote(String repo) throws SourceException {
        try {
            URIish uri = new URIish(repo);
            return new Remote(repo, uri, Redaction.reusable(repo));
        } catch (URISyntaxException e) {
            // The input may carry a password: say only what kind of thing was wrong.
            throw new SourceException(SourceException.Reason.NOT_FOUND, "malformed repository URL: " + e.getReason());
        }
    }
}
