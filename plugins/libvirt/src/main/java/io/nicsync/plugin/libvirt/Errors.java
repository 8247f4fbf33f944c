package io.nicsync.plugin.libvirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;

/** Turns libvirt failures into {@link TargetException}s that name the domain and NIC and keep libvirt's words. */
final class Errors {
    private Errors() {
    }

    /** {@code where} is {@code domain} or {@code domain/nic}. */
    static TargetException wrap(String where, LibvirtFailure f) {
        return new TargetException(reason(f.codeName()), where + ": " + f.describe(), f);
    }

    static Reason reason(String codeName) {
        return switch (codeName) {
            case "VIR_ERR_NO_DOMAIN", "VIR_ERR_NO_NETWORK", "VIR_ERR_NO_INTERFACE", "VIR_ERR_DEVICE_MISSING",
                    "VIR_ERR_NO_DEVICE" -> Reason.NOT_FOUND;
            case "VIR_ERR_NO_CONNECT", "VIR_ERR_INVALID_CONN", "VIR_ERR_RPC", "VIR_ERR_NO_SERVER", "VIR_ERR_SSH",
                    "VIR_ERR_LIBSSH", "VIR_ERR_UNKNOWN_HOST" -> Reason.UNREACHABLE;
            case "VIR_ERR_AUTH_FAILED", "VIR_ERR_AUTH_CANCELLED", "VIR_ERR_AUTH_UNAVAILABLE",
                    "VIR_ERR_ACCESS_DENIED", "VIR_ERR_OPERATION_DENIED" -> Reason.FORBIDDEN;
            case "VIR_ERR_NO_SUPPORT", "VIR_ERR_OPERATION_UNSUPPORTED", "VIR_ERR_ARGUMENT_UNSUPPORTED",
                    "VIR_ERR_CONFIG_UNSUPPORTED" -> Reason.UNSUPPORTED;
            case "VIR_ERR_OPERATION_TIMEOUT" -> Reason.TIMEOUT;
            default -> Reason.REFUSED;
        };
    }
}
