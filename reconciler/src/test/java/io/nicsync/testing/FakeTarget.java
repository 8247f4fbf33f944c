package io.nicsync.testing;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A target in memory. It executes every step kind by changing the VMs it holds, recomputing their
 * fingerprints, and can be told to fail: the k-th step it executes, or a NIC the guest never releases
 * (the unplug is accepted and the NIC stays, as libvirt does after its 5 s wait). Where the capabilities say
 * the platform has one definition for both (KubeVirt's template), live steps also change the persistent one, an
 * unplug too unless that definition keeps unplugged NICs (oVirt).
 * Safe to share between threads, as an applier working on several VMs at once does.
 */
public final class FakeTarget implements Target {
    private final String name;
    private final Capabilities capabilities;
    private final Map<VmRef, LiveVm> vms = new LinkedHashMap<>();
    private final List<Step> executed = new ArrayList<>();
    private final Set<String> neverReleased = new HashSet<>();
    private int failAt = -1;
    private Reason failWith = Reason.REFUSED;
    private int macCounter;

    public FakeTarget(String name, Capabilities capabilities) {
        this.name = name;
        this.capabilities = capabilities;
    }

    /** Holds {@code vm} as given, fingerprint included, until a step changes it. */
    public synchronized FakeTarget put(LiveVm vm) {
        vms.put(vm.ref(), vm);
        return this;
    }

    /** The {@code k}-th call of {@link #execute} (1-based) fails with {@link Reason#REFUSED}, changing nothing. */
    public FakeTarget failStep(int k) {
        return failStep(k, Reason.REFUSED);
    }

    public synchronized FakeTarget failStep(int k, Reason reason) {
        failAt = k;
        failWith = reason;
        return this;
    }

    /** Unplugs of this NIC (by label) are accepted but never take effect. */
    public synchronized FakeTarget neverRelease(String nic) {
        neverReleased.add(nic);
        return this;
    }

    /** The steps executed so far, failed ones included. */
    public synchronized List<Step> executed() {
        return List.copyOf(executed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized List<LiveVm> observeAll() {
        return List.copyOf(vms.values());
    }

    @Override
    public synchronized LiveVm observe(VmRef vm) throws TargetException {
        LiveVm found = vms.get(vm);
        if (found == null) {
            throw new TargetException(Reason.NOT_FOUND, vm + ": no such VM");
        }
        return found;
    }

    @Override
    public synchronized void execute(Step step, Duration timeout) throws TargetException {
        executed.add(step);
        if (executed.size() == failAt) {
            throw new TargetException(failWith, step.vm() + ": injected failure of step " + failAt);
        }
        var vm = new MutableVm(observe(step.vm()));
        boolean oneDefinition = !capabilities.separatePersistentDefinition();
        switch (step) {
            case AddNic a -> {
                vm.plug(a.spec(), freshMac());
                if (oneDefinition) {
                    vm.persist(vm.require(a.spec()).live(), freshMac());
                }
            }
            case UnplugNic u -> {
                if (!neverReleased.contains(u.nic())) {
                    vm.unplug(u.spec());
                    if (oneDefinition && !capabilities.keepsUnpluggedNics() && vm.find(u.spec()).isPresent()) {
                        vm.unpersist(u.spec());
                    }
                }
            }
            case RepointNic r -> {
                vm.setLive(r.spec(), vm.require(r.spec()).live().withNetwork(r.to()));
                var persistent = vm.require(r.spec()).persistent();
                if (oneDefinition && persistent != null) {
                    vm.persist(persistent.withNetwork(r.to()), freshMac());
                }
            }
            case SetLink s -> vm.setLink(s);
            case PersistNic p -> vm.persist(p.spec(), freshMac());
            case UnpersistNic u -> vm.unpersist(u.spec());
            case Migrate m -> {
                for (NicSpec nic : m.carries()) {
                    vm.plug(vm.find(nic).map(LiveNic::persistent).orElse(nic), freshMac());
                }
            }
            case RestartRequired r -> {
                if (!capabilities.stagesForRestart()) { // the restart makes what waited for it while the VM is down
                    for (NicSpec pending : r.pending()) {
                        vm.persist(pending, freshMac());
                    }
                }
                vm.restart();
            }
        }
        vms.put(step.vm(), vm.toLiveVm());
    }

    private MacAddress freshMac() {
        return new MacAddress(String.format("52:54:00:ff:00:%02x", ++macCounter));
    }

    @Override
    public void close() {
    }

    /** One VM being changed by one step. */
    private static final class MutableVm {
        private final LiveVm before;
        private final List<LiveNic> nics;
        private PowerState power;
        private int freeSlots;

        MutableVm(LiveVm vm) {
            this.before = vm;
            this.nics = new ArrayList<>(vm.nics());
            this.power = vm.power();
            this.freeSlots = vm.capacity().freeSlots();
        }

        Optional<LiveNic> find(NicSpec spec) {
            return nics.stream().filter(n -> spec.name() != null ? spec.name().equals(n.name())
                    : spec.mac() != null && spec.mac().equals(n.mac())).findFirst();
        }

        LiveNic require(NicSpec spec) throws TargetException {
            return find(spec).orElseThrow(() -> new TargetException(Reason.NOT_FOUND,
                    before.ref() + ": no NIC " + spec.label()));
        }

        void plug(NicSpec spec, MacAddress fresh) throws TargetException {
            if (!power.live()) {
                throw new TargetException(Reason.UNSUPPORTED, before.ref() + ": not running");
            }
            if (!before.capacity().supported() || freeSlots == 0) {
                throw new TargetException(Reason.NO_CAPACITY, before.ref() + ": no free slot for " + spec.label());
            }
            freeSlots--;
            var existing = find(spec);
            var mac = spec.mac() != null ? spec.mac() : existing.map(LiveNic::mac).orElse(fresh);
            replace(existing, new LiveNic(name(spec, existing), mac, spec.withMac(mac),
                    existing.map(LiveNic::persistent).orElse(null), null));
        }

        void unplug(NicSpec spec) throws TargetException {
            var nic = require(spec);
            if (nic.live() != null && before.capacity().supported()) {
                freeSlots++;
            }
            replace(Optional.of(nic), nic.persistent() == null ? null
                    : new LiveNic(nic.name(), nic.mac(), null, nic.persistent(), nic.pciAddress()));
        }

        void setLive(NicSpec spec, NicSpec live) throws TargetException {
            var nic = require(spec);
            replace(Optional.of(nic), new LiveNic(nic.name(), nic.mac(), live, nic.persistent(), nic.pciAddress()));
        }

        void setLink(SetLink s) throws TargetException {
            var nic = require(s.spec());
            if (nic.live() == null) {
                throw new TargetException(Reason.UNSUPPORTED, before.ref() + ": " + s.nic() + " is not plugged");
            }
            var persistent = s.persistent() && nic.persistent() != null ? nic.persistent().withLink(s.to())
                    : nic.persistent();
            replace(Optional.of(nic), new LiveNic(nic.name(), nic.mac(), nic.live().withLink(s.to()), persistent,
                    nic.pciAddress()));
        }

        /** A spec without MAC keeps the MAC the NIC already has, as plugins do. */
        void persist(NicSpec spec, MacAddress fresh) {
            var existing = find(spec);
            var mac = spec.mac() != null ? spec.mac() : existing.map(LiveNic::mac).orElse(fresh);
            replace(existing, new LiveNic(name(spec, existing), mac, existing.map(LiveNic::live).orElse(null),
                    spec.withMac(mac), existing.map(LiveNic::pciAddress).orElse(null)));
        }

        void unpersist(NicSpec spec) throws TargetException {
            var nic = require(spec);
            replace(Optional.of(nic), nic.live() == null ? null
                    : new LiveNic(nic.name(), nic.mac(), nic.live(), null, nic.pciAddress()));
        }

        /** The running VM becomes its persistent definition. */
        void restart() {
            var restarted = nics.stream().filter(LiveNic::persisted)
                    .map(n -> new LiveNic(n.name(), n.mac(), n.persistent(), n.persistent(), n.pciAddress()))
                    .toList();
            int pluggedBefore = (int) nics.stream().filter(LiveNic::plugged).count();
            freeSlots = Math.max(0, freeSlots + pluggedBefore - restarted.size());
            nics.clear();
            nics.addAll(restarted);
            power = PowerState.RUNNING;
        }

        private static String name(NicSpec spec, Optional<LiveNic> existing) {
            return spec.name() != null ? spec.name() : existing.map(LiveNic::name).orElse(null);
        }

        private void replace(Optional<LiveNic> old, LiveNic now) {
            int at = old.map(nics::indexOf).orElse(-1);
            if (at >= 0 && now != null) {
                nics.set(at, now);
            } else if (at >= 0) {
                nics.remove(at);
            } else if (now != null) {
                nics.add(now);
            }
        }

        LiveVm toLiveVm() {
            var capacity = before.capacity().supported()
                    ? HotplugCapacity.slots(freeSlots, before.capacity().detail())
                    : before.capacity();
            return new LiveVm(before.ref(), power, before.machineType(), nics, capacity,
                    fingerprint(power, nics, capacity));
        }
    }

    static Fingerprint fingerprint(PowerState power, List<LiveNic> nics, HotplugCapacity capacity) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((power + "|" + nics + "|" + capacity).getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
