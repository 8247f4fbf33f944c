package io.nicsync.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VM as a platform reports it: its run state, its NICs, how many more it can take live, and a fingerprint
 * of all of that.
 *
 * @param machineType for example {@code pc-i440fx-7.2} or {@code q35}; null when the platform does not say
 */
public record LiveVm(
        VmRef ref,
        PowerState power,
        String machineType,
        List<LiveNic> nics,
        HotplugCapacity capacity,
        Fingerprint fingerprint) {

    public LiveVm {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(fingerprint, "fingerprint");
        nics = List.copyOf(nics);
    }

    public Optional<LiveNic> nic(String name) {
        return nics.stream().filter(n -> name.equals(n.name())).findFirst();
    }

    public Optional<LiveNic> nicByMac(MacAddress mac) {
        return nics.stream().filter(n -> mac.equals(n.mac())).findFirst();
    }
}
