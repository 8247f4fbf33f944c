package io.nicsync.spi;

import java.util.Objects;

/**
 * A target could not do what was asked. The reason is closed so that callers map it to exit codes and
 * status without reading messages; the message keeps the platform's own error code and text, prefixed
 * with the VM and NIC it concerns.
 */
public class TargetException extends Exception {

    public enum Reason {
        /** The VM, network or device does not exist. */
        NOT_FOUND,
        /** The target cannot be reached or the session broke. */
        UNREACHABLE,
        /** The caller may not do this. */
        FORBIDDEN,
        /** Another writer changed the object first (for example a resourceVersion precondition). */
        CONFLICT,
        /** No room left for another device. */
        NO_CAPACITY,
        /** The guest did not release an unplugged device in time. */
        NOT_RELEASED,
        /** The step did not take effect within its timeout. */
        TIMEOUT,
        /** The platform cannot do this at all, or not in this state. */
        UNSUPPORTED,
        /** The platform refused the request for another reason. */
        REFUSED
    }

    private final Reason reason;

    public TargetException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TargetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
