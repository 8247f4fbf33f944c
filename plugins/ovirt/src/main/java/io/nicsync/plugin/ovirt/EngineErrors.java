package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine's refusals mean, decided here once. The SDK reports a fault as an {@link org.ovirt.engine.sdk4.Error}
 * whose message holds the engine's fault detail and HTTP status; the detail is the engine's localized message, so the
 * known ones are recognized by their text and named by their code. Sources: ovirt-engine's AppErrors.properties
 * (validation messages, {@code EngineMessage}), VdsmErrors.properties with {@code EngineError}'s codes (VDSM's
 * failures, its {@code HotplugNicFailed} 49, {@code HotunplugNicFailed} 50, {@code UpdateDeviceFailed} 56), and
 * the REST layer's {@code ErrorMessageHelper} (CONFLICT is 409, bad parameters 400, a VDSM failure 400).
 */
final class EngineErrors {
    private static final Pattern DETAIL = Pattern.compile("Fault detail is \"(.*?)\"\\.(?: HTTP response code|$)",
            Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("HTTP response code is \"?(\\d{3})\"?");

    /** A message of the engine: the code it goes by, text that identifies it, and what it means for a step. */
    record Known(String code, String text, Reason reason) {
    }

    static final List<Known> KNOWN = List.of(
            new Known("ACTIVATE_NIC_FAILED (VDSM error 49)", "Failed to activate VM Network Interface", Reason.REFUSED),
            new Known("DEACTIVATE_NIC_FAILED (VDSM error 50: the guest did not release the device within VDSM's"
                    + " hotunplug_timeout, or libvirt refused)", "Failed to deactivate VM Network Interface",
                    Reason.NOT_RELEASED),
            new Known("UPDATE_VNIC_FAILED (VDSM error 56)", "Failed to update VM Network Interface", Reason.REFUSED),
            new Known("CANNOT_PERFORM_HOT_UPDATE", "not supported while the interface is plugged",
                    Reason.UNSUPPORTED),
            new Known("CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING", "when 'Port Mirroring' is set",
                    Reason.UNSUPPORTED),
            new Known("ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE", "is plugged to a running VM",
                    Reason.UNSUPPORTED),
            new Known("ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL", "because the VM is in", Reason.UNSUPPORTED),
            new Known("NETWORK_CANNOT_ADD_INTERFACE_WHEN_VM_STATUS_NOT_UP_DOWN_LOCKED",
                    "when VM is not Down, Up or Image-Locked", Reason.UNSUPPORTED),
            new Known("ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS", "does not exist on the host the VM is running on",
                    Reason.NOT_FOUND),
            new Known("NETWORK_MAC_ADDRESS_IN_USE", "is already in use by VM", Reason.CONFLICT),
            new Known("MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES", "Not enough MAC addresses left", Reason.NO_CAPACITY),
            new Known("ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS", "Maximum PCI devices exceeded", Reason.NO_CAPACITY),
            new Known("NETWORK_INTERFACE_NAME_ALREADY_IN_USE", "interface name is already in use", Reason.CONFLICT),
            new Known("ACTION_TYPE_FAILED_VNIC_PROFILE_NOT_EXISTS", "profile doesn't exist", Reason.NOT_FOUND),
            new Known("VM_INTERFACE_NOT_EXIST", "The VM Network Interface does not exist", Reason.NOT_FOUND),
            new Known("SCHEDULING_ALL_HOSTS_FILTERED_OUT", "There is no host that satisfies current scheduling",
                    Reason.NO_CAPACITY));

    /**
     * A write whose answer did not come in time: the engine may have made the change, or may still make it (its
     * command goes on after the client stops waiting). The caller reads the object again before it says more.
     */
    static final class OutcomeUnknown extends TargetException {
        OutcomeUnknown(String message, Throwable cause) {
            super(Reason.TIMEOUT, message, cause);
        }
    }

    private EngineErrors() {
    }

    /**
     * The SDK's failure of {@code what} (such as {@code web-01/uplink: plugging}) as a target exception that keeps the
     * engine's own words and code.
     */
    static TargetException of(String what, RuntimeException e) {
        return of(what, e, false, EngineHttp.READ_TIMEOUT);
    }

    /**
     * @param write whether the request changes something: a write that got no answer within {@code waited} has an
     *     unknown outcome ({@link OutcomeUnknown})
     */
    static TargetException of(String what, RuntimeException e, boolean write, java.time.Duration waited) {
        if (write && cause(e, java.net.SocketTimeoutException.class)) {
            return new OutcomeUnknown(what + ": outcome unknown: no answer from the engine within "
                    + waited.toSeconds() + " s; it may have made the change, or may still make it", e);
        }
        if (cause(e, javax.net.ssl.SSLException.class)) {
            return new TargetException(Reason.UNREACHABLE, what + ": the engine's certificate is not one to trust"
                    + " (the caFile's CA, or the JDK's authorities, must have signed it for the URL's host): "
                    + root(e), e);
        }
        if (cause(e, IOException.class)) {
            return new TargetException(Reason.UNREACHABLE, what + ": no answer from the engine: " + root(e), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).startsWith("Error during SSO authentication")) {
                return new TargetException(Reason.FORBIDDEN, what + ": the engine refused the login: "
                        + t.getMessage(), e);
            }
        }
        String message = String.valueOf(e.getMessage());
        Matcher d = DETAIL.matcher(message);
        Matcher s = STATUS.matcher(message);
        String detail = d.find() ? d.group(1) : message;
        int status = s.find() ? Integer.parseInt(s.group(1)) : 0;
        String http = status == 0 ? "" : ", HTTP " + status;
        for (Known k : KNOWN) {
            if (detail.contains(k.text())) {
                return new TargetException(k.reason(), what + ": the engine refused: " + detail + " (" + k.code()
                        + http + ")", e);
            }
        }
        Reason reason = switch (status) {
            case 401, 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            case 409 -> Reason.CONFLICT;
            default -> Reason.REFUSED;
        };
        return new TargetException(reason, what + ": the engine refused: " + detail + (http.isEmpty() ? ""
                : " (" + http.substring(2) + ")"), e);
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
