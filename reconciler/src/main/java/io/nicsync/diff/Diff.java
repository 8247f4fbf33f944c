package io.nicsync.diff;

import io.nicsync.diff.NicChange.Adopted;
import io.nicsync.diff.NicChange.FixedChange;
import io.nicsync.diff.NicChange.LinkChange;
import io.nicsync.diff.NicChange.MacInUse;
import io.nicsync.diff.NicChange.Missing;
import io.nicsync.diff.NicChange.NetworkChange;
import io.nicsync.diff.NicChange.PersistentDrift;
import io.nicsync.diff.NicChange.PersistentLeftover;
import io.nicsync.diff.NicChange.Removal;
import io.nicsync.diff.NicChange.Unmanaged;
import io.nicsync.diff.NicChange.Unwanted;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicPairing;
import io.nicsync.spi.Nics;
import io.nicsync.spi.Presence;
import java.util.ArrayList;
import java.util.List;

/** The differences between what a VM should have and what it has. Pure: the values in, the changes out. */
public final class Diff {
    private Diff() {
    }

    /**
     * The changes that would make {@code live} match {@code desired}, NIC by NIC in the order the desired
     * state lists them, then the unmanaged NICs in the order they were observed. A stopped VM only gets
     * persistent-side changes.
     */
    public static List<NicChange> diff(DesiredVm desired, LiveVm live) {
        var matching = NicPairing.of(desired, live);
        var out = new ArrayList<NicChange>();
        boolean running = live.power().live();
        for (DesiredNic nic : desired.nics()) {
            LiveNic found = matching.of(nic);
            if (matching.adopted().contains(nic)) {
                out.add(new Adopted(nic.name(), Specs.identified(found, found.current())));
            }
            LiveNic clash = matching.macConflicts().get(nic);
            if (clash != null) {
                out.add(new MacInUse(nic.name(), Specs.identified(clash, clash.current())));
            }
            if (nic.state() == Presence.ABSENT) {
                removal(found, Removal.ABSENT, running, out);
                continue;
            }
            if (running) {
                liveSide(nic, found, out);
            }
            persistentSide(nic, found, out);
        }
        for (LiveNic nic : matching.unmanaged()) {
            switch (desired.unmanaged()) {
                case IGNORE -> { }
                case WARN -> out.add(new Unmanaged(Specs.identified(nic, nic.current())));
                case UNPLUG -> removal(nic, Removal.UNMANAGED, running, out);
            }
        }
        return List.copyOf(out);
    }

    private static void removal(LiveNic nic, Removal why, boolean running, List<NicChange> out) {
        if (nic == null) {
            return;
        }
        if (running && nic.plugged()) {
            out.add(new Unwanted(Specs.identified(nic, nic.live()), why));
        }
        if (nic.persisted()) {
            out.add(new PersistentLeftover(Specs.identified(nic, nic.persistent()), why));
        }
    }

    private static void liveSide(DesiredNic nic, LiveNic found, List<NicChange> out) {
        if (found == null || !found.plugged()) {
            var base = found == null ? null : Specs.identified(found, found.persistent());
            var spec = base == null ? nic.spec() : Specs.fill(nic.spec(), base, base);
            out.add(new Missing(spec, nic.persist(), base != null));
            return;
        }
        var current = Specs.identified(found, found.live());
        var wanted = Specs.fill(nic.spec(), current, current);
        var fixed = Nics.fixedDifferences(current, wanted);
        if (!fixed.isEmpty()) {
            out.add(new FixedChange(current, wanted, fixed));
        }
        if (!current.network().equals(wanted.network())) {
            out.add(new NetworkChange(current, wanted));
        }
        if (current.link() != wanted.link()) {
            out.add(new LinkChange(current, wanted.link()));
        }
    }

    /**
     * {@code persist: true} makes the persistent entry follow the desired NIC, its omitted fields kept from
     * that entry (or from the plugged NIC when there is no entry yet). {@code persist: false} means the
     * persistent definition must not have the NIC: a leftover entry is removed.
     */
    private static void persistentSide(DesiredNic nic, LiveNic found, List<NicChange> out) {
        var entry = found == null || !found.persisted() ? null : Specs.persistentEntry(found);
        if (!nic.persist()) {
            if (entry != null) {
                out.add(new PersistentLeftover(entry, Removal.LIVE_ONLY));
            }
            return;
        }
        var base = entry != null ? entry : found != null ? Specs.identified(found, found.live()) : null;
        var wanted = base == null ? nic.spec() : Specs.fill(nic.spec(), base, base);
        if (entry == null) {
            out.add(new PersistentDrift(wanted, null, List.of()));
            return;
        }
        var fields = Nics.differences(entry, wanted);
        if (!fields.isEmpty()) {
            out.add(new PersistentDrift(wanted, entry, fields));
        }
    }
}
