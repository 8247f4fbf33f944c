package io.nicsync.plugin.ganeti;

/**
 * A RAPI request that did not get a 200: the HTTP status and Ganeti's own message (its {@code message} field,
 * HTML entities decoded), or status 0 when no answer came at all (connection, TLS).
 */
final class RapiException extends Exception {
    private final int status;

    RapiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    static RapiException transport(String message, Throwable cause) {
        return new RapiException(0, message, cause);
    }

    /** The HTTP status; 0 when the request never got an answer. */
    int status() {
        return status;
    }
}
