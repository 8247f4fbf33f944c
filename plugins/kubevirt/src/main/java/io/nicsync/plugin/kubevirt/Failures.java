package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;

/**
 * API errors as {@link TargetException}s: the reason from the HTTP status, the message with what it concerns
 * ({@code namespace/name}, the NIC) and the API server's own code and text.
 */
final class Failures {
    private Failures() {
    }

    static TargetException of(String subject, KubernetesClientException e) {
        int code = e.getCode();
        String text = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        if (code <= 0) {
            return new TargetException(reason(code), subject + ": " + cause(e), e);
        }
        return new TargetException(reason(code), subject + ": HTTP " + code + ": " + text, e);
    }

    /**
     * What went wrong below a request that got no answer: fabric8 says only "An error has occurred." and keeps the
     * connection's failure (refused, timed out, TLS) as the cause.
     */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage();
        return root == e ? text : "no answer from the API server: " + text + " (" + root.getClass().getSimpleName()
                + ")";
    }

    /** A code of 0 or below means no HTTP answer at all (connection refused, timeout). */
    static Reason reason(int code) {
        if (code <= 0) {
            return Reason.UNREACHABLE;
        }
        return switch (code) {
            case 401, 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            case 409 -> Reason.CONFLICT;
            case 500, 502, 503, 504 -> Reason.UNREACHABLE;
            default -> Reason.REFUSED;
        };
    }

    /** {@code namespace/name}, and {@code nic NAME} when the failure concerns one NIC. */
    static String subject(String namespace, String name, String nic) {
        return namespace + "/" + name + (nic == null ? "" : " nic " + nic);
    }
}
