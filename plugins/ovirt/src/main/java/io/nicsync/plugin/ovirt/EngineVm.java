package io.nicsync.plugin.ovirt;

/**
 * A VM as the engine lists it, with what nicsync reads of it: its status, where it runs, and the devices that share
 * the engine's PCI budget with its NICs ({@link PciBudget}).
 *
 * @param status the engine's {@code vm_status} value, such as {@code up} or {@code down}
 * @param hostId the host it runs on; null when it does not run
 * @param monitors the monitors of its graphical console, 0 when headless
 */
record EngineVm(String id, String name, String status, String clusterId, String hostId, int monitors,
        boolean virtioScsi, boolean soundcard) {

    static final String UP = "up";
    static final String DOWN = "down";
    static final String PAUSED = "paused";

    boolean up() {
        return UP.equals(status);
    }

    boolean down() {
        return DOWN.equals(status);
    }
}
