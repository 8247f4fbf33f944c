package io.nicsync.spi;

/**
 * One NIC as a platform reports it. A NIC can be in the live definition, the persistent one, or both, with
 * a different configuration in each (a NIC hotplugged and not persisted, or persisted and not plugged).
 *
 * @param name identity; null for a NIC nicsync did not create and cannot name
 * @param live configuration in the running VM, null when not plugged
 * @param persistent configuration in the persistent definition, null when not there
 * @param pciAddress guest PCI address such as {@code 0000:00:03.0}, null when unknown
 */
public record LiveNic(String name, MacAddress mac, NicSpec live, NicSpec persistent, String pciAddress) {
    public LiveNic {
        if (live == null && persistent == null) {
            throw new IllegalArgumentException("a NIC is in the live definition, the persistent one, or both");
        }
    }

    public boolean plugged() {
        return live != null;
    }

    public boolean persisted() {
        return persistent != null;
    }

    /** The live configuration when plugged, else the persistent one. */
    public NicSpec current() {
        return live != null ? live : persistent;
    }

    public String label() {
        return name != null ? name : String.valueOf(mac);
    }
}
