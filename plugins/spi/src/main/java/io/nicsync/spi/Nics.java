package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/** Finding a step's NIC among observed ones: by name when it has one, else by MAC. */
final class Nics {
    private Nics() {
    }

    static Optional<LiveNic> find(LiveVm vm, NicSpec nic) {
        if (nic.name() != null) {
            return vm.nic(nic.name());
        }
        return nic.mac() == null ? Optional.empty() : vm.nicByMac(nic.mac());
    }

    /** Whether {@code actual} has what {@code wanted} asks for; parts {@code wanted} leaves open match anything. */
    static boolean satisfies(NicSpec actual, NicSpec wanted) {
        return actual != null
                && actual.network().equals(wanted.network())
                && actual.link() == wanted.link()
                && (wanted.mac() == null || wanted.mac().equals(actual.mac()))
                && (wanted.model() == null || wanted.model().equals(actual.model()))
                && (wanted.binding() == null || wanted.binding().equals(actual.binding()))
                && (wanted.bootOrder() == null || Objects.equals(wanted.bootOrder(), actual.bootOrder()));
    }
}
