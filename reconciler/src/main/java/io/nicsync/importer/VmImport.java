package io.nicsync.importer;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Declares what a live VM has, so that a plan made right after finds nothing to change. Pure.
 *
 * <p>Network and link come from the running VM when the NIC is plugged, else from the persistent
 * definition. MAC, model and binding are written only when every definition holding the NIC agrees on them:
 * an omitted field keeps what each definition has, while a written one that only one definition has would
 * make the plan rewrite the other. The boot order matters at boot only, so it comes from the persistent
 * definition.
 */
final class VmImport {
    /** The schema's NIC name: a lower-case RFC 1123 label. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final LiveVm live;
    private final Set<String> networkKinds;
    private final List<ImportedNic> nics = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private VmImport(LiveVm live, Set<String> networkKinds) {
        this.live = live;
        this.networkKinds = networkKinds;
    }

    /** @param networkKinds the keys of the network kinds the target's platform can declare NICs on */
    static ImportedVm of(LiveVm live, Set<String> networkKinds) {
        var vm = new VmImport(live, networkKinds);
        var importable = live.nics().stream().filter(vm::importable).toList();
        var unnamed = importable.stream().filter(n -> n.name() == null).toList();
        Map<LiveNic, String> generated = NicNames.generate(unnamed, live.nics());
        for (LiveNic nic : importable) {
            vm.nics.add(nic.name() != null ? vm.declare(nic, nic.name(), false)
                    : vm.declare(nic, generated.get(nic), true));
        }
        return new ImportedVm(live, vm.nics, vm.skipped);
    }

    /** Whether the NIC can be declared so that the planner leaves it as it is; else says why not. */
    private boolean importable(LiveNic nic) {
        String why = null;
        if (!networkKinds.contains(nic.current().network().kind())) {
            why = "nicsync cannot declare a NIC on a " + nic.current().network().kind() + " connection on this platform";
        } else if (nic.name() != null && !LABEL.matcher(nic.name()).matches()) {
            why = "its name is not a valid nicsync NIC name (a lower-case RFC 1123 label)";
        } else if (nic.name() == null && nic.mac() == null) {
            why = "it has neither a name nor a MAC address, so nothing could find it again";
        } else if (live.power().live() && !nic.plugged()) {
            why = "it is in the persistent definition only; declared, it would be plugged into the running VM";
        }
        if (why != null) {
            skipped.add(nic.label() + " (" + nic.current().network().display() + "): " + why);
        }
        return why == null;
    }

    private ImportedNic declare(LiveNic nic, String name, boolean generated) {
        var remarks = new ArrayList<String>();
        NicSpec current = nic.current();
        MacAddress mac = generated ? nic.mac() : agreed(nic, NicSpec::mac, "mac", remarks);
        String model = agreed(nic, NicSpec::model, "model", remarks);
        String binding = agreed(nic, NicSpec::binding, "binding", remarks);
        Integer bootOrder = nic.persisted() ? nic.persistent().bootOrder() : current.bootOrder();
        var declared = new DesiredNic(name, current.network(), binding, model, mac, current.link(),
                Presence.PRESENT, nic.persisted(), bootOrder);
        return new ImportedNic(declared, generated, remarks);
    }

    /** The field's value when every definition of the NIC has the same one, else null and a remark. */
    private static <T> T agreed(LiveNic nic, Function<NicSpec, T> field, String key, List<String> remarks) {
        T live = nic.live() == null ? null : field.apply(nic.live());
        T persistent = nic.persistent() == null ? null : field.apply(nic.persistent());
        if (nic.live() == null || nic.persistent() == null || Objects.equals(live, persistent)) {
            return nic.live() != null ? live : persistent;
        }
        remarks.add(key + " left out: the running VM has " + shown(live) + ", the persistent definition "
                + shown(persistent) + "; each keeps its own");
        return null;
    }

    private static String shown(Object value) {
        return value == null ? "none" : value.toString();
    }
}
