package io.nicsync.plugin.ganeti;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * An instance as nicsync sees it. Ganeti's configuration is the persistent definition. The running VM is that
 * configuration, since Ganeti hotplugs every change it makes live, except where the {@link Ledger} records a
 * difference: a configured NIC the VM lacks, a device the VM has that the configuration describes otherwise or
 * not at all. A stopped instance has no live side.
 */
final class Observer {
    private Observer() {
    }

    /**
     * @param ledger the instance's entries still in force
     * @param pinned labels of the NICs Ganeti cannot hotplug any more until a restart (its runtime record of the
     *     device is not that of a configured NIC)
     */
    record Observed(LiveVm vm, Instance instance, Ledger ledger, Set<String> pinned, String model) {
        boolean running() {
            return vm.power().live();
        }
    }

    static Observed read(String target, Instance instance, Ledger ledger, ClusterFacts facts) {
        PowerState power = power(instance);
        boolean running = power.live();
        String model = Models.model(instance.nicType());
        List<LiveNic> nics = new ArrayList<>();
        Set<String> pinned = new HashSet<>();
        List<Ledger.VmHas> unpaired = new ArrayList<>(running ? ledger.has() : List.of());
        for (ConfigNic c : instance.nics()) {
            NicSpec persistent = spec(c.name(), c, model);
            NicSpec live = null;
            if (running && !ledger.lacks(c.uuid())) {
                live = persistent;
                var device = ledger.deviceOf(c);
                if (device.isPresent()) {
                    unpaired.remove(device.get());
                    live = new NicSpec(device.get().name(), device.get().mac(), device.get().network(), model, null,
                            LinkState.UP, null);
                    if (!device.get().runtimeOf(c)) {
                        pinned.add(c.label());
                    }
                }
            }
            nics.add(new LiveNic(c.name(), live != null ? live.mac() : c.mac(), live, persistent, null));
        }
        for (Ledger.VmHas device : unpaired) {
            NicSpec live = new NicSpec(device.name(), device.mac(), device.network(), model, null, LinkState.UP, null);
            nics.add(new LiveNic(device.name(), device.mac(), live, null, null));
            pinned.add(device.name() != null ? device.name() : device.mac().value());
        }
        int vmNics = (int) nics.stream().filter(LiveNic::plugged).count();
        HotplugCapacity capacity = PciSlots.of(instance, running, vmNics, facts.maxNics(instance.group()));
        String machine = instance.machineVersion() == null || instance.machineVersion().isEmpty() ? null
                : instance.machineVersion();
        LiveVm vm = new LiveVm(VmRef.of(target, instance.name()), power, machine, nics, capacity,
                fingerprint(instance, power, nics, capacity));
        return new Observed(vm, instance, ledger, Set.copyOf(pinned), model);
    }

    /**
     * Ganeti's {@code oper_state} says whether the hypervisor runs it; {@code status} says the rest. A node that
     * cannot be asked ({@code ERROR_nodedown}, {@code ERROR_nodeoffline}) leaves the state unknown.
     */
    static PowerState power(Instance instance) {
        if (Boolean.TRUE.equals(instance.operState())) {
            return PowerState.RUNNING;
        }
        if (Boolean.FALSE.equals(instance.operState())) {
            return PowerState.STOPPED;
        }
        return switch (String.valueOf(instance.status())) {
            case "ADMIN_down", "ADMIN_offline", "USER_down" -> PowerState.STOPPED;
            default -> PowerState.OTHER;
        };
    }

    static NicSpec spec(String name, ConfigNic nic, String model) {
        return new NicSpec(name, nic.mac(), Networks.of(nic), model, null, LinkState.UP, null);
    }

    /**
     * Changes whenever what nicsync sees of the instance does: Ganeti's serial number (bumped by every change of the
     * configuration, tags included), and the view itself, which a restart that ends ledger entries changes without
     * touching the configuration.
     */
    private static Fingerprint fingerprint(Instance instance, PowerState power, List<LiveNic> nics,
            HotplugCapacity capacity) {
        StringBuilder text = new StringBuilder().append(power).append('|').append(instance.status()).append('|')
                .append(capacity.supported()).append(capacity.freeSlots());
        for (LiveNic n : nics) {
            text.append('|').append(n.name()).append(',').append(n.mac()).append(',').append(n.live())
                    .append(',').append(n.persistent());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new Fingerprint("ganeti:" + instance.serialNo() + ":" + HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
