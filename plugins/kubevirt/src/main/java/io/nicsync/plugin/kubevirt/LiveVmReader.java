package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A VM and its VMI as a {@link LiveVm}. Persistent = the VM template; live = the VMI, and a NIC is live only
 * once virt-handler reports it from the domain ({@code infoSource} has {@code domain}): a NIC in the VMI spec
 * and not in the domain is pending (not live yet), an {@code absent} one the guest has released is no longer
 * live. An {@code absent} template entry is not persistent: KubeVirt drops it on the next start. A template that
 * names no NIC has KubeVirt's pod interface ({@link DefaultPodNic}): it boots with it, so it is persistent.
 */
final class LiveVmReader {
    private LiveVmReader() {
    }

    static LiveVm read(String target, ObservedVm observed, Version version) {
        VmRef ref = new VmRef(target, observed.namespace(), observed.name());
        List<LiveNic> nics = new ArrayList<>();
        for (String name : nicNames(observed)) {
            NicSpec live = live(observed, name);
            NicSpec persistent = persistent(observed, name);
            if (live != null || persistent != null) {
                MacAddress mac = live != null ? live.mac() : persistent.mac();
                nics.add(new LiveNic(name, mac, live, persistent, null));
            }
        }
        JsonNode vmi = observed.vmi();
        String machine = (vmi != null ? vmi.path("spec") : observed.template()).path("domain").path("machine")
                .path("type").asText(null);
        return new LiveVm(ref, power(observed), machine, nics, PlaceholderCapacity.of(version, vmi),
                fingerprint(observed));
    }

    private static Set<String> nicNames(ObservedVm observed) {
        Set<String> names = new LinkedHashSet<>();
        if (observed.vmi() != null) {
            Interfaces.interfaces(observed.vmi().path("spec")).forEach(i -> names.add(i.path("name").asText()));
        }
        observed.templateInterfaces().forEach(i -> names.add(i.path("name").asText()));
        return names;
    }

    private static NicSpec live(ObservedVm observed, String name) {
        JsonNode iface = observed.vmiInterface(name);
        if (iface == null || !observed.attached(name)) {
            return null;
        }
        JsonNode status = observed.statusInterface(name);
        String linkState = status.path("linkState").asText("");
        LinkState link = linkState.isEmpty() ? Interfaces.requestedLink(iface)
                : linkState.equals("down") ? LinkState.DOWN : LinkState.UP;
        JsonNode network = Interfaces.named(Interfaces.networks(observed.vmi().path("spec")), name).orElse(null);
        NicSpec spec = Interfaces.spec(iface, network, observed.namespace(),
                Interfaces.mac(status.path("mac").asText(null)), link);
        return spec.withNetwork(liveNetwork(observed, name, spec.network()));
    }

    /**
     * The network the pod really has for a NIC, where the launcher pod says: a NAD change is live only after its
     * migration.
     */
    private static NetworkRef liveNetwork(ObservedVm observed, String name, NetworkRef spec) {
        String plumbed = observed.podNetwork(name);
        if (plumbed == null || !Networks.isMultus(spec)) {
            return spec;
        }
        return Networks.multus(plumbed, observed.namespace());
    }

    private static NicSpec persistent(ObservedVm observed, String name) {
        JsonNode iface = observed.templateInterface(name);
        if (iface == null || Interfaces.absent(iface)) {
            return null;
        }
        return Interfaces.spec(iface, observed.templateNetwork(name), observed.namespace(),
                Interfaces.mac(iface.path("macAddress").asText(null)), Interfaces.requestedLink(iface));
    }

    private static PowerState power(ObservedVm observed) {
        if (observed.vmi() == null) {
            return PowerState.STOPPED;
        }
        String phase = observed.vmi().path("status").path("phase").asText();
        if (!phase.equals("Running")) {
            return phase.equals("Succeeded") || phase.equals("Failed") ? PowerState.STOPPED : PowerState.OTHER;
        }
        for (JsonNode c : observed.vmi().path("status").path("conditions")) {
            if ("Paused".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
                return PowerState.PAUSED;
            }
        }
        return PowerState.RUNNING;
    }

    /** The resourceVersions of VM and VMI: any change to either moves it. */
    static Fingerprint fingerprint(ObservedVm observed) {
        String vmi = observed.vmi() == null ? "-" : observed.vmi().path("metadata").path("resourceVersion").asText();
        return new Fingerprint("vm:" + observed.resourceVersion() + "/vmi:" + vmi);
    }
}
