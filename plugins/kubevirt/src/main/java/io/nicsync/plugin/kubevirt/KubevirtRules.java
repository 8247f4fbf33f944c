package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * KubeVirt's rules on desired NICs, checked before anything connects. A null binding or model means
 * KubeVirt's default (bridge binding, virtio model), which every rule here accepts.
 *
 * <ul>
 *   <li>The namespace is required: an omitted one would mean the kubeconfig context's default namespace,
 *       so the same file could name different VMs from different machines.
 *   <li>The VM name is a lower-case DNS subdomain (RFC 1123), as Kubernetes requires of object names.
 *   <li>A multus NIC is hotplugged: KubeVirt hotplugs only bridge and SR-IOV bindings, with virtio.
 *   <li>Only a bridge-bound NIC can be unplugged with {@code state: absent}; the pod network never.
 *   <li>At most one NIC uses the pod network; masquerade works on the pod network only.
 *   <li>Link state cannot be set on SR-IOV or passt NICs.
 *   <li>KubeVirt keeps every NIC in the VM template, so {@code persist: false} cannot be honoured: a warning.
 * </ul>
 */
final class KubevirtRules {
    private static final Set<String> HOTPLUG_BINDINGS = Set.of("bridge", "sriov");
    private static final Set<String> NO_LINK_STATE = Set.of("sriov", "passt");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private KubevirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        List<Finding> findings = new ArrayList<>();
        if (vm.ref().namespace() == null) {
            findings.add(Finding.error("/metadata", "a KubeVirt VM needs metadata.namespace"));
        }
        if (!SUBDOMAIN.matcher(vm.ref().name()).matches()) {
            findings.add(Finding.error("/metadata/name", "a KubeVirt VM name must be lower case: a-z, 0-9, '-'"
                    + " and '.' (RFC 1123), not \"" + vm.ref().name() + "\""));
        }
        String podNic = null;
        for (int i = 0; i < vm.nics().size(); i++) {
            DesiredNic nic = vm.nics().get(i);
            String at = "/spec/nics/" + i;
            if (Networks.isPod(nic.network())) {
                if (podNic != null) {
                    findings.add(Finding.error(at + "/network/pod",
                            "only one NIC can use the pod network; NIC \"" + podNic + "\" already does"));
                }
                podNic = podNic == null ? nic.name() : podNic;
            }
            checkNic(nic, at, findings);
        }
        return findings;
    }

    private static void checkNic(DesiredNic nic, String at, List<Finding> findings) {
        boolean pod = Networks.isPod(nic.network());
        boolean present = nic.state() == Presence.PRESENT;
        String binding = nic.binding();
        if (Networks.isMultus(nic.network()) && present) {
            if (binding != null && !HOTPLUG_BINDINGS.contains(binding)) {
                findings.add(Finding.error(at + "/binding", "a multus NIC is hotplugged, which needs binding bridge"
                        + " or sriov, not \"" + binding + "\""));
            }
            if (nic.model() != null && !nic.model().equals("virtio")) {
                findings.add(Finding.error(at + "/model", "a multus NIC is hotplugged, which needs model virtio, not \""
                        + nic.model() + "\""));
            }
        }
        if (pod && !present) {
            findings.add(Finding.error(at + "/state", "the pod network cannot be unplugged (state: absent)"));
        } else if (!present && binding != null && !binding.equals("bridge")) {
            findings.add(Finding.error(at + "/binding", "only bridge-bound NICs can be unplugged (state: absent),"
                    + " not \"" + binding + "\" ones"));
        }
        if ("masquerade".equals(binding) && !pod) {
            findings.add(Finding.error(at + "/binding", "binding masquerade works on the pod network only"));
        }
        if (nic.link() == LinkState.DOWN && binding != null && NO_LINK_STATE.contains(binding)) {
            findings.add(Finding.error(at + "/link", "KubeVirt cannot set the link state of a " + binding + " NIC"));
        }
        if (!nic.persist()) {
            findings.add(Finding.warning(at + "/persist", "KubeVirt keeps every NIC in the VM template;"
                    + " persist: false has no effect"));
        }
    }
}
