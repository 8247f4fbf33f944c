package io.nicsync.spi;

/** Run state of a VM as far as NIC changes care: only a running VM can be changed live. */
public enum PowerState {
    RUNNING,
    PAUSED,
    STOPPED,
    OTHER;

    public boolean live() {
        return this == RUNNING || this == PAUSED;
    }
}
