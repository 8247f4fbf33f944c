package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Slots;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that would make a plan's steps fail on this cluster, found by reading only: VMs and
 * NetworkAttachmentDefinitions that do not exist, feature gates and releases, placeholder capacity, and the
 * caller's permissions (SelfSubjectAccessReview). Reports every problem.
 */
final class Preflight {
    private final Api api;
    private final KubevirtCapabilities capabilities;

    Preflight(Api api, KubevirtCapabilities capabilities) {
        this.api = api;
        this.capabilities = capabilities;
    }

    List<String> check(List<Step> steps) throws TargetException {
        List<String> problems = new ArrayList<>();
        Map<VmRef, ObservedVm> vms = new LinkedHashMap<>();
        Map<VmRef, List<Step>> byVm = new LinkedHashMap<>();
        Set<String> patchNamespaces = new LinkedHashSet<>();
        Set<String> migrateNamespaces = new LinkedHashSet<>();
        Set<String> restartNamespaces = new LinkedHashSet<>();
        ClusterInfo cluster = capabilities.cluster();
        for (Step step : steps) {
            VmRef ref = step.vm();
            String subject = Failures.subject(ref.namespace(), ref.name(), step.nic());
            ObservedVm vm = vms.computeIfAbsent(ref, r -> observe(r, problems));
            if (vm == null) {
                continue;
            }
            patchNamespaces.add(ref.namespace());
            byVm.computeIfAbsent(ref, r -> new ArrayList<>()).add(step);
            switch (step) {
                case AddNic add -> {
                    network(subject, ref, add.spec().network(), problems);
                    gates(subject, vm, problems);
                    supported(subject, add.spec(), problems);
                }
                case PersistNic persist -> {
                    // a template write is taken whatever waits for the next start (TemplateWrites)
                    network(subject, ref, persist.spec().network(), problems);
                    supported(subject, persist.spec(), problems);
                }
                case RepointNic repoint -> {
                    network(subject, ref, repoint.to(), problems);
                    if (vm.running() && !cluster.liveNadChange()) {
                        problems.add(subject + ": " + LiveChangeGuards.NAD_CHANGE_NEEDS + ", the cluster runs "
                                + cluster.version());
                    }
                    migrateNamespaces.add(ref.namespace());
                }
                case UnplugNic unplug -> gates(subject, vm, problems);
                case SetLink link -> capabilities.linkStateRefusal(link.spec().binding())
                        .ifPresent(why -> problems.add(subject + ": " + why));
                case Migrate migrate -> migrateNamespaces.add(ref.namespace());
                case RestartRequired restart -> {
                    restartNamespaces.add(ref.namespace());
                    restart.pending().forEach(nic -> supported(
                            Failures.subject(ref.namespace(), ref.name(), nic.name()), nic, problems));
                }
                default -> {
                }
            }
        }
        capacity(vms, byVm, problems);
        permissions(patchNamespaces, migrateNamespaces, problems);
        for (String ns : restartNamespaces) {
            ask("update", "subresources.kubevirt.io", "virtualmachines", "restart", ns, problems, "");
        }
        return problems;
    }

    private ObservedVm observe(VmRef ref, List<String> problems) {
        try {
            ObservedVm vm = api.observe(ref.namespace(), ref.name());
            if (vm == null) {
                problems.add(Failures.subject(ref.namespace(), ref.name(), null) + ": no such VirtualMachine");
            }
            return vm;
        } catch (KubernetesClientException e) {
            problems.add(Failures.of(Failures.subject(ref.namespace(), ref.name(), null), e).getMessage());
            return null;
        }
    }

    private void network(String subject, VmRef ref, NetworkRef network, List<String> problems) {
        if (!Networks.isMultus(network)) {
            return;
        }
        String nad = Networks.qualified(network, ref.namespace());
        String namespace = nad.substring(0, nad.indexOf('/'));
        try {
            if (api.get(Resources.NAD, namespace, network.name()) == null) {
                problems.add(subject + ": NetworkAttachmentDefinition " + nad + " does not exist");
            }
        } catch (KubernetesClientException e) {
            problems.add(Failures.of(subject + ": NetworkAttachmentDefinition " + nad, e).getMessage());
        }
    }

    /** A configuration the cluster cannot hold at all, in a plan made elsewhere or before an upgrade. */
    private void supported(String subject, NicSpec nic, List<String> problems) {
        capabilities.unsupported(nic).ifPresent(why -> problems.add(subject + ": " + why));
    }

    private void gates(String subject, ObservedVm vm, List<String> problems) {
        ClusterInfo cluster = capabilities.cluster();
        if (cluster.version().imperative()) {
            if (!cluster.featureGates().contains("HotplugNICs")) {
                problems.add(subject + ": KubeVirt " + cluster.version() + " needs the HotplugNICs feature gate");
            }
            return;
        }
        try {
            new LiveChangeGuards(capabilities).requireLiveChanges(subject, vm);
        } catch (TargetException e) {
            problems.add(e.getMessage());
        }
    }

    /** Adds in place against the free placeholder slots, counted as the planner counts them ({@link Slots}). */
    private void capacity(Map<VmRef, ObservedVm> vms, Map<VmRef, List<Step>> byVm, List<String> problems) {
        if (capabilities.hotplugMode() != HotplugMode.IN_PLACE) {
            return;
        }
        byVm.forEach((ref, steps) -> {
            ObservedVm vm = vms.get(ref);
            if (vm == null || !vm.running()) {
                return;
            }
            LiveVm live = LiveVmReader.read(ref.target(), vm, capabilities.cluster().version());
            Slots.check(live, steps).ifPresent(problem -> problems.add(
                    Failures.subject(ref.namespace(), ref.name(), null) + ": " + problem));
        });
    }

    private void permissions(Set<String> patch, Set<String> migrate, List<String> problems) {
        boolean imperative = capabilities.cluster().version().imperative();
        for (String ns : patch) {
            if (imperative) {
                ask("update", "subresources.kubevirt.io", "virtualmachines", "addinterface", ns, problems, "");
            }
            ask("patch", "kubevirt.io", "virtualmachines", null, ns, problems, "");
        }
        if (!capabilities.cluster().migratesByItself()) {
            for (String ns : migrate) {
                ask("create", "kubevirt.io", "virtualmachineinstancemigrations", null, ns, problems,
                        "; " + MigrationRunner.RBAC_HINT);
            }
        }
    }

    private void ask(String verb, String group, String resource, String sub, String ns, List<String> problems,
            String hint) {
        String what = verb + " " + resource + (sub == null ? "" : "/" + sub) + "." + group + " in namespace " + ns;
        try {
            if (!api.allowed(verb, group, resource, sub, ns)) {
                problems.add("not allowed to " + what + hint);
            }
        } catch (KubernetesClientException e) {
            problems.add(Failures.of("checking permission to " + what, e).getMessage());
        }
    }
}
