package io.nicsync.source;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;

/**
 * Turns what jgit throws while talking to a remote into one {@link SourceException} line: what went wrong in words a
 * person can act on, then jgit's innermost message, with secrets blanked out.
 */
final class TransportErrors {

    private TransportErrors() {}

    static SourceException fetchFailed(RepoLocation.Remote remote, TransportSetup setup, Exception failure) {
        return failed("fetch", remote, setup, failure);
    }

    /** @param action what was tried, completing "cannot ACTION REMOTE": "fetch", "push the status note to" */
    static SourceException failed(String action, RepoLocation.Remote remote, TransportSetup setup, Exception failure) {
        String detail = setup.redact(innermostMessage(failure));
        String where = "cannot " + action + " " + remote.display();
        if (setup.hostKeyRejection().isPresent()) {
            return new SourceException(SourceException.Reason.HOST_KEY,
                    where + ": " + setup.redact(setup.hostKeyRejection().get()), failure);
        }
        if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
            return new SourceException(SourceException.Reason.UNREACHABLE,
                    where + ": unknown host " + remote.uri().getHost(), failure);
        }
        if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)
                || has(failure, SocketTimeoutException.class) || mentions(failure, "timeout", "timed out",
                        "connection refused")) {
            return new SourceException(SourceException.Reason.UNREACHABLE, where + ": unreachable: " + detail, failure);
        }
        if (mentions(failure, "not authorized", "authentication", "auth fail", "permission denied",
                "no more authentication methods", "credentialsprovider")) {
            return new SourceException(SourceException.Reason.AUTHENTICATION,
                    where + ": authentication failed: " + detail + authenticationHint(remote, setup), failure);
        }
        if (has(failure, NoRemoteRepositoryException.class) || has(failure, NotSupportedException.class)
                || mentions(failure, "not found", "does not exist", "not a git repository", "does not appear")) {
            return new SourceException(SourceException.Reason.NOT_FOUND,
                    where + ": no repository there: " + detail, failure);
        }
        return new SourceException(SourceException.Reason.IO, where + ": " + detail, failure);
    }

    private static String authenticationHint(RepoLocation.Remote remote, TransportSetup setup) {
        if (remote.isHttps() && !setup.hasHttpsCredentials()) {
            return " (no credentials were sent: set " + Credentials.TOKEN_VARIABLE + " or a git credentials file)";
        }
        if ("http".equalsIgnoreCase(remote.uri().getScheme())) {
            return " (credentials are only ever sent over https)";
        }
        return "";
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String... phrases) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String phrase : phrases) {
                if (message.contains(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String innermostMessage(Throwable failure) {
        String message = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
