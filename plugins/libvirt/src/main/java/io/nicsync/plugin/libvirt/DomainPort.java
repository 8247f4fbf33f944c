package io.nicsync.plugin.libvirt;

import io.nicsync.spi.PowerState;

/**
 * The calls on one libvirt domain that nicsync makes. An interface so that the waiting and retrying logic
 * can be tested against a scripted double in milliseconds; {@link LibvirtDomain} is the real one.
 */
interface DomainPort {

    String name();

    PowerState power() throws LibvirtFailure;

    /** The live XML of a running domain; for a stopped one libvirt returns the persistent XML. */
    String liveXml() throws LibvirtFailure;

    String persistentXml() throws LibvirtFailure;

    void attach(String xml, boolean live) throws LibvirtFailure;

    void detach(String xml, boolean live) throws LibvirtFailure;

    /**
     * Asks the running guest to release the device with this alias and returns without waiting; false when
     * this libvirt cannot, and the caller must use the blocking {@link #detach}.
     */
    boolean requestLiveDetach(String alias) throws LibvirtFailure;

    void update(String xml, boolean live) throws LibvirtFailure;

    /** Asks the guest to power off (ACPI); returns at once. */
    void shutdown() throws LibvirtFailure;

    /** Pulls the plug. */
    void destroy() throws LibvirtFailure;

    /** Starts the persistent definition. */
    void start() throws LibvirtFailure;
}
