package io.nicsync.plugin.ovirt.sim;

import java.util.Map;

/**
 * A refusal as the engine's REST layer answers it: an HTTP status and a {@code <fault>} whose reason is
 * "Operation Failed" and whose detail is the localized message in brackets (BaseBackendResource, BackendResource's
 * backendFailure, ErrorMessageHelper). Texts are those of ovirt-engine's AppErrors.properties (validation,
 * {@code ${action} ${type}} filled from VAR__ACTION__* and VAR__TYPE__INTERFACE) and VdsmErrors.properties (VDSM's
 * failures); the status is 409 for the messages of ErrorType CONFLICT, 400 for bad parameters and for VDSM's
 * failures (they are no {@code EngineMessage}, so ErrorMessageHelper falls back to 400).
 */
final class EngineFault extends RuntimeException {
    static final String REASON = "Operation Failed";

    /** AppErrors.properties and VdsmErrors.properties, the messages the simulated engine gives. */
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("CANNOT_PERFORM_HOT_UPDATE", "Cannot ${action} ${type}. Updating some of the properties is not"
                    + " supported while the interface is plugged into a running virtual machine. Please un-plug the"
                    + " interface, update the properties, and then plug it back."),
            Map.entry("CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING", "Cannot ${action} ${type}. Update is not"
                    + " possible when 'Port Mirroring' is set on the interface of a running virtual machine."),
            Map.entry("ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE", "Cannot ${action} ${type}. The VM Network"
                    + " Interface is plugged to a running VM."),
            Map.entry("ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL", "Cannot ${action} ${type} because the VM is in"
                    + " ${vmStatus} status."),
            Map.entry("NETWORK_CANNOT_ADD_INTERFACE_WHEN_VM_STATUS_NOT_UP_DOWN_LOCKED", "Cannot ${action} a Network"
                    + " Interface when VM is not Down, Up or Image-Locked."),
            Map.entry("ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS", "The Network does not exist on the host the VM is"
                    + " running on.\n Either add the Network to the Host, migrate the VM to a Host that has this"
                    + " Network, or add the vNic as unplugged."),
            Map.entry("NETWORK_MAC_ADDRESS_IN_USE", "MAC Address ${MacAddress} is already in use by VM or snapshot:"
                    + " ${VmName}."),
            Map.entry("MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES", "Cannot ${action} ${type}. Not enough MAC addresses left"
                    + " in MAC Address Pool."),
            Map.entry("ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS", "Cannot ${action} ${type}. Maximum PCI devices"
                    + " exceeded."),
            Map.entry("NETWORK_INTERFACE_NAME_ALREADY_IN_USE", "Network interface name is already in use"),
            Map.entry("ACTION_TYPE_FAILED_VNIC_PROFILE_NOT_EXISTS", "Cannot ${action} ${type}. The specified VM"
                    + " network interface profile doesn't exist."),
            Map.entry("VM_INTERFACE_NOT_EXIST", "Cannot ${action} ${type}. The VM Network Interface does not exist."),
            Map.entry("SCHEDULING_ALL_HOSTS_FILTERED_OUT", "Cannot ${action} ${type}. There is no host that satisfies"
                    + " current scheduling constraints. See below for details:"),
            Map.entry("ACTIVATE_NIC_FAILED", "Failed to activate VM Network Interface."),
            Map.entry("DEACTIVATE_NIC_FAILED", "Failed to deactivate VM Network Interface."),
            Map.entry("UPDATE_VNIC_FAILED", "Failed to update VM Network Interface."));

    /** The messages of ErrorType CONFLICT (EngineMessage.java); the rest of those above are bad parameters. */
    private static final java.util.Set<String> CONFLICTS = java.util.Set.of("CANNOT_PERFORM_HOT_UPDATE",
            "CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING", "ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE",
            "ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL", "NETWORK_CANNOT_ADD_INTERFACE_WHEN_VM_STATUS_NOT_UP_DOWN_LOCKED",
            "ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS", "NETWORK_MAC_ADDRESS_IN_USE", "MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES",
            "ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS", "NETWORK_INTERFACE_NAME_ALREADY_IN_USE",
            "SCHEDULING_ALL_HOSTS_FILTERED_OUT");

    /** VDSM's failures (EngineError: ACTIVATE_NIC_FAILED 49, DEACTIVATE_NIC_FAILED 50, UPDATE_VNIC_FAILED 56). */
    private static final java.util.Set<String> VDSM = java.util.Set.of("ACTIVATE_NIC_FAILED", "DEACTIVATE_NIC_FAILED",
            "UPDATE_VNIC_FAILED");

    final int status;
    final String reason;
    final String detail;
    final String code;

    private EngineFault(int status, String reason, String detail, String code) {
        super(code + ": " + detail);
        this.status = status;
        this.reason = reason;
        this.detail = detail;
        this.code = code;
    }

    /**
     * The engine's refusal {@code code} of the action {@code action} (add, edit, remove, activate, deactivate) on an
     * interface; {@code vars} fill the message's other placeholders, name and value in turn.
     */
    static EngineFault of(String code, String action, String... vars) {
        String text = TEXTS.get(code);
        if (text == null) {
            throw new IllegalArgumentException("no message " + code);
        }
        for (int i = 0; i + 1 < vars.length; i += 2) {
            text = text.replace("${" + vars[i] + "}", vars[i + 1]);
        }
        text = text.replace("${action}", action).replace("${type}", "Interface");
        int status = CONFLICTS.contains(code) ? 409 : 400;
        return new EngineFault(status, REASON, "[" + text + "]", code);
    }

    boolean fromVdsm() {
        return VDSM.contains(code);
    }

    /** The REST layer's own check of a request's mandatory parameters (validateParameters). */
    static EngineFault incomplete(String type, String field, String action) {
        return new EngineFault(400, "Incomplete parameters", type + " [" + field + "] required for " + action,
                "INCOMPLETE_PARAMS");
    }

    static EngineFault notFound() {
        return new EngineFault(404, "Not Found", null, "NOT_FOUND");
    }

    static EngineFault badRequest(String detail) {
        return new EngineFault(400, REASON, detail, "BAD_REQUEST");
    }
}
