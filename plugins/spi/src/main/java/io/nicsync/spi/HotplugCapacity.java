package io.nicsync.spi;

/**
 * How many more NICs a running VM can take live.
 *
 * @param supported false when the VM cannot hotplug at all (no ACPI, platform without hotplug)
 * @param freeSlots NICs that can still be added live
 * @param detail what the number is made of, or why hotplug is unsupported, in words
 */
public record HotplugCapacity(boolean supported, int freeSlots, String detail) {
    public HotplugCapacity {
        if (freeSlots < 0) {
            throw new IllegalArgumentException("freeSlots < 0");
        }
        if (!supported && freeSlots != 0) {
            throw new IllegalArgumentException("a VM that cannot hotplug has no free slots");
        }
    }

    public static HotplugCapacity unsupported(String why) {
        return new HotplugCapacity(false, 0, why);
    }

    public static HotplugCapacity slots(int free, String detail) {
        return new HotplugCapacity(true, free, detail);
    }
}
