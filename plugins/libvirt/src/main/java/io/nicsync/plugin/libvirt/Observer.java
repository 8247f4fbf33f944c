package io.nicsync.plugin.libvirt;

import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.util.List;

/**
 * Reads a domain into a {@link LiveVm}: the live XML (when it runs) and the persistent XML, NICs paired
 * between the two, hotplug capacity from the live XML, and a fingerprint of it all.
 */
final class Observer {
    private Observer() {
    }

    /** A domain as observed, with the definitions it was read from. */
    record Observed(LiveVm vm, DomainXml live, DomainXml persistent) {
    }

    static LiveVm observe(String target, DomainPort domain) throws LibvirtFailure {
        return read(target, domain).vm();
    }

    static Observed read(String target, DomainPort domain) throws LibvirtFailure {
        // One call for a stopped domain: its current XML is its persistent XML. Only a running domain has an
        // id, and only then are its state (running or paused) and its persistent XML read separately.
        DomainXml current = DomainXml.parse(domain.liveXml());
        boolean active = current.root().hasAttribute("id");
        PowerState power = active ? domain.power() : PowerState.STOPPED;
        DomainXml live = active && power.live() ? current : null;
        DomainXml persistent = active ? DomainXml.parse(domain.persistentXml()) : current;
        List<LiveNic> nics = NicMerge.merge(live == null ? List.of() : live.nics(), persistent.nics());
        HotplugCapacity capacity = live == null
                ? HotplugCapacity.unsupported("domain is not running: hotplug capacity only matters for a "
                        + "running domain; persistent changes need none")
                : PciCapacity.of(live);
        String machine = (live != null ? live : persistent).machineType();
        return new Observed(new LiveVm(VmRef.of(target, domain.name()), power, machine, nics, capacity,
                XmlFingerprint.of(power, live, persistent)), live, persistent);
    }
}
