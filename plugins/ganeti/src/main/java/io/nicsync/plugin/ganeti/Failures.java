package io.nicsync.plugin.ganeti;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;

/**
 * Ganeti's failures as nicsync's closed reasons. The message keeps Ganeti's own text and error code, prefixed with
 * the VM (and NIC) it concerns. Ganeti's error codes ({@code errors.ECODE_*}) say what kind of problem it was.
 */
final class Failures {
    /** What Ganeti's KVM hypervisor says when no PCI slot is left, to a hot-add or to a start. */
    static final String NO_SLOT = "All slots occupied";

    private Failures() {
    }

    static TargetException of(String what, RapiException e) {
        Reason reason = switch (e.status()) {
            case 0 -> Reason.UNREACHABLE;
            case 401 -> Reason.FORBIDDEN;
            case 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            default -> Reason.REFUSED;
        };
        String hint = switch (e.status()) {
            case 401 -> " (the RAPI user or password is wrong: check user and passwordFile/passwordEnv)";
            case 403 -> " (the RAPI user needs write access: \"write\" after its password in rapi/users)";
            default -> "";
        };
        return new TargetException(reason, what + ": " + e.getMessage() + hint, e);
    }

    /** A job that ended in error. */
    static TargetException of(String what, JobResult job) {
        JobResult.Error error = job.error();
        return new TargetException(reason(error), what + ": Ganeti job " + job.id() + " failed: " + error);
    }

    static Reason reason(JobResult.Error error) {
        if (error != null && error.message() != null && error.message().contains(NO_SLOT)) {
            return Reason.NO_CAPACITY;
        }
        if (error == null || error.code() == null) {
            return Reason.REFUSED;
        }
        return switch (error.code()) {
            case "unknown_entity" -> Reason.NOT_FOUND;
            case "wrong_state" -> Reason.UNSUPPORTED;
            case "resource_not_unique" -> Reason.CONFLICT;
            case "insufficient_resources", "temp_insufficient_resources" -> Reason.NO_CAPACITY;
            case "environment_error" -> error.message() != null && error.message().contains("Missing bridges")
                    ? Reason.NOT_FOUND : Reason.REFUSED;
            default -> Reason.REFUSED;
        };
    }
}
