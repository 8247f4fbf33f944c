package io.nicsync.plugin.libvirt;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries out one step on one domain. Live changes affect the running domain only and persistent changes
 * the persistent definition only: the planner makes them separate steps. Every edit of an existing NIC
 * starts from its full current XML.
 */
final class StepExecutor {
    private final HostNetworks networks;
    private final Unplugger unplugger;
    private final Restarter restarter;

    StepExecutor(HostNetworks networks, Unplugger unplugger, Restarter restarter) {
        this.networks = networks;
        this.unplugger = unplugger;
        this.restarter = restarter;
    }

    void execute(DomainPort domain, Step step, Duration timeout) throws TargetException {
        String where = step.nic() == null ? domain.name() : domain.name() + "/" + step.nic();
        try {
            switch (step) {
                case AddNic s -> add(domain, where, s.spec());
                case PersistNic s -> persist(domain, s.spec());
                case UnplugNic s -> unplug(domain, where, s.spec(), timeout);
                case UnpersistNic s -> unpersist(domain, s.spec());
                case SetLink s -> setLink(domain, where, s);
                case RepointNic s -> repoint(domain, where, s.spec(), s.to());
                case Migrate s -> throw new TargetException(Reason.UNSUPPORTED,
                        where + ": libvirt targets do not migrate; NICs are hotplugged in place");
                case RestartRequired s -> restarter.restart(domain, timeout);
            }
        } catch (LibvirtFailure f) {
            throw Errors.wrap(where, f);
        }
    }

    private void add(DomainPort domain, String where, NicSpec spec) throws LibvirtFailure, TargetException {
        requireRunning(domain, where, "hotplug");
        if (spec.name() != null && liveNic(domain, spec).isPresent()) {
            // Plugged already, by an earlier run that did not live to record it: the verification decides.
            return;
        }
        requireNetwork(where, spec.network());
        // A NIC already in the persistent definition keeps its MAC, so that both definitions hold one NIC.
        MacAddress mac = spec.mac() != null ? spec.mac()
                : persistent(domain).nic(spec).map(DomainNic::mac).orElse(null);
        domain.attach(Xml.write(InterfaceWriter.create(spec, mac)), true);
    }

    private void persist(DomainPort domain, NicSpec spec) throws LibvirtFailure {
        Optional<DomainNic> current = persistent(domain).nic(spec);
        if (current.isPresent() && (spec.mac() == null || spec.mac().equals(current.get().mac()))) {
            domain.update(Xml.write(InterfaceWriter.edited(current.get().element(), spec)), false);
            return;
        }
        if (current.isPresent()) {
            // libvirt finds the device to update by its MAC, so a new MAC is a remove and an add.
            domain.detach(Xml.write(InterfaceWriter.copy(current.get().element())), false);
        }
        MacAddress mac = spec.mac() != null ? spec.mac() : liveNic(domain, spec).map(DomainNic::mac).orElse(null);
        domain.attach(Xml.write(InterfaceWriter.create(spec, mac)), false);
    }

    private void unplug(DomainPort domain, String where, NicSpec spec, Duration timeout)
            throws LibvirtFailure, TargetException {
        Optional<DomainNic> nic = liveNic(domain, spec);
        if (nic.isPresent()) {
            unplugger.unplug(domain, where, nic.get(), timeout);
        }
    }

    private void unpersist(DomainPort domain, NicSpec spec) throws LibvirtFailure {
        Optional<DomainNic> nic = persistent(domain).nic(spec);
        if (nic.isPresent()) {
            domain.detach(Xml.write(InterfaceWriter.copy(nic.get().element())), false);
        }
    }

    private void setLink(DomainPort domain, String where, SetLink s) throws LibvirtFailure, TargetException {
        DomainNic live = requireLive(domain, where, s.spec());
        domain.update(Xml.write(InterfaceWriter.withLink(live.element(), s.to())), true);
        if (s.persistent()) {
            Optional<DomainNic> config = persistent(domain).nic(s.spec());
            if (config.isPresent()) {
                domain.update(Xml.write(InterfaceWriter.withLink(config.get().element(), s.to())), false);
            }
        }
    }

    private void repoint(DomainPort domain, String where, NicSpec spec, NetworkRef to)
            throws LibvirtFailure, TargetException {
        DomainNic live = requireLive(domain, where, spec);
        requireNetwork(where, to);
        domain.update(Xml.write(InterfaceWriter.withNetwork(live.element(), to)), true);
    }

    private DomainNic requireLive(DomainPort domain, String where, NicSpec spec)
            throws LibvirtFailure, TargetException {
        requireRunning(domain, where, "a live change");
        return liveNic(domain, spec).orElseThrow(() -> new TargetException(Reason.NOT_FOUND,
                where + ": no such NIC in the running domain"));
    }

    private void requireNetwork(String where, NetworkRef ref) throws TargetException {
        Optional<String> problem = networks.problem(ref);
        if (problem.isPresent()) {
            throw new TargetException(Reason.NOT_FOUND, where + ": " + problem.get());
        }
    }

    private static void requireRunning(DomainPort domain, String where, String what)
            throws LibvirtFailure, TargetException {
        if (!domain.power().live()) {
            throw new TargetException(Reason.UNSUPPORTED,
                    where + ": the domain is not running, so " + what + " is not possible");
        }
    }

    private static Optional<DomainNic> liveNic(DomainPort domain, NicSpec spec) throws LibvirtFailure {
        if (!domain.power().live()) {
            return Optional.empty();
        }
        return DomainXml.parse(domain.liveXml()).nic(spec);
    }

    private static DomainXml persistent(DomainPort domain) throws LibvirtFailure {
        return DomainXml.parse(domain.persistentXml());
    }
}
