package io.nicsync.plugin.ovirt;

import io.nicsync.spi.NetworkRef;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The vNIC profiles of an engine, as read at one time: named per data center, found by id. */
record Profiles(List<Profile> all) {
    static final Profiles NONE = new Profiles(List.of());

    Profiles {
        all = List.copyOf(all);
    }

    Optional<Profile> byId(String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The profile {@code ref} names in data center {@code dataCenterId}; empty for a profile it does not have. */
    Optional<Profile> in(String dataCenterId, NetworkRef ref) {
        return all.stream().filter(p -> p.dataCenterId() != null && p.dataCenterId().equals(dataCenterId))
                .filter(p -> p.networkName().equals(ref.attribute(Networks.NETWORK))
                        && p.name().equals(ref.attribute(Networks.NAME)))
                .findFirst();
    }

    /** Every profile {@code ref} may name, in any data center: what can be said of a reference without its VM. */
    List<Profile> named(NetworkRef ref) {
        return all.stream().filter(p -> ref.is(Networks.PROFILE)
                && p.networkName().equals(ref.attribute(Networks.NETWORK))
                && p.name().equals(ref.attribute(Networks.NAME))).toList();
    }

    /** The profiles of a data center, as people write them, for messages. */
    String namesIn(String dataCenterId) {
        String names = all.stream().filter(p -> dataCenterId != null && dataCenterId.equals(p.dataCenterId()))
                .map(p -> p.networkName() + "/" + p.name()).sorted().collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
