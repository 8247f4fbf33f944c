package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.Announcement;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes cluster running KubeVirt. What it can do is read once from the KubeVirt CR when it opens;
 * steps go to the API generation the cluster runs (v1.0 subresources, or the VM template from v1.1).
 */
final class KubevirtTarget implements Target {
    private final String name;
    private final Api api;
    private final KubevirtCapabilities capabilities;
    private final StepRunner steps;
    private final VmEvents events;
    /** Started by the first {@link #observeAllWatched}: only a process that observes again and again needs it. */
    private WatchedVms watched;

    private KubevirtTarget(String name, Api api, KubevirtCapabilities capabilities, StepRunner steps) {
        this.name = name;
        this.api = api;
        this.capabilities = capabilities;
        this.steps = steps;
        this.events = new VmEvents(api, instance(System.getenv()), Clock.systemUTC());
    }

    /** This process as Events name their reporter: the pod ({@code POD_NAME}, else {@code HOSTNAME}). */
    static String instance(Map<String, String> env) {
        String pod = env.get("POD_NAME");
        return pod != null && !pod.isBlank() ? pod : env.getOrDefault("HOSTNAME", VmEvents.COMPONENT);
    }

    static KubevirtTarget open(String name, Api unconfigured, HotplugSetting hotplug, Pacer pacer)
            throws TargetException {
        ClusterInfo cluster = readCluster(name, unconfigured);
        Api api = unconfigured.readingFor(cluster);
        KubevirtCapabilities capabilities = new KubevirtCapabilities(cluster, hotplug.mode(cluster));
        Waiter waiter = new Waiter(api, pacer);
        Effects effects = new Effects(waiter);
        MigrationRunner migrations = new MigrationRunner(api, waiter, cluster);
        VmPatcher patcher = new VmPatcher(api, waiter);
        Restarts restarts = new Restarts(api, patcher, waiter);
        StepRunner steps = cluster.version().imperative()
                ? new ImperativeSteps(api, waiter, effects, migrations, capabilities, restarts, patcher)
                : new DeclarativeSteps(patcher, effects, migrations, capabilities, restarts);
        return new KubevirtTarget(name, api, capabilities, steps);
    }

    private static ClusterInfo readCluster(String name, Api api) throws TargetException {
        String subject = "target " + name + " (" + api.server() + "): reading the KubeVirt CR";
        List<JsonNode> kubevirts;
        try {
            kubevirts = api.list(Resources.KUBEVIRT);
        } catch (KubernetesClientException e) {
            TargetException failure = Failures.of(subject, e);
            if (failure.reason() == Reason.FORBIDDEN) {
                throw new TargetException(Reason.FORBIDDEN, failure.getMessage() + "; nicsync reads the KubeVirt "
                        + "release and configuration there: grant get and list on kubevirts.kubevirt.io", e);
            }
            throw failure;
        }
        if (kubevirts.isEmpty()) {
            throw new TargetException(Reason.NOT_FOUND,
                    "target " + name + ": no KubeVirt CR: KubeVirt is not installed");
        }
        try {
            return ClusterInfo.of(kubevirts.get(0), api.dynamicNetworksController());
        } catch (IllegalArgumentException e) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": " + e.getMessage()
                    + " (status.observedKubeVirtVersion; is the KubeVirt deployment finished?)", e);
        }
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
    public List<LiveVm> observeAll() throws TargetException {
        return readAll().stream().map(WatchedVms.Reading::live).toList();
    }

    @Override
    public synchronized List<LiveVm> observeAllWatched() throws TargetException {
        if (watched == null) {
            List<WatchedVms.Reading> listed = readAll();
            watched = WatchedVms.start(api, listed);
            return listed.stream().map(WatchedVms.Reading::live).toList();
        }
        try {
            Optional<List<LiveVm>> vms = watched.observeAll(this::readOne);
            if (vms.isPresent()) {
                return vms.get();
            }
        } catch (KubernetesClientException e) {
            throw Failures.of("target " + name + ": reading VirtualMachines that changed", e);
        }
        List<WatchedVms.Reading> listed = readAll();
        watched.remember(listed);
        return listed.stream().map(WatchedVms.Reading::live).toList();
    }

    /**
     * Every VM of the cluster from one listing each of launcher pods, VMIs and VMs, in the order the VMs are listed.
     * VMIs and VMs are listed in turns, the one behind in the API server's key order next, and each VM is read as
     * soon as its VMI is there: with both listed in that order, only a page of each is held at a time, not a
     * fleet's VMIs. Whatever the order, a VM without a VMI is read (as stopped) once every VMI has been listed.
     */
    private List<WatchedVms.Reading> readAll() throws TargetException {
        try {
            // the first page of each asked for at once: the server answers them while the pods are read
            Api.Pages podPages = api.launcherPods();
            Api.Pages vmiPages = api.pages(Resources.VMI, null).ask();
            Api.Pages vmPages = api.pages(Resources.VM, null).ask();
            Map<String, List<JsonNode>> pods = Api.byVmi(podPages);
            Map<String, JsonNode> vmis = new HashMap<>();
            Map<String, Listed> vms = new LinkedHashMap<>();
            List<Listed> read = new ArrayList<>();
            int listed = 0;
            while (!vmiPages.done() || !vmPages.done()) {
                if (vmPages.done() || !vmiPages.done() && vmiPages.lastKey().compareTo(vmPages.lastKey()) <= 0) {
                    for (JsonNode vmi : vmiPages.next()) {
                        Listed vm = vms.remove(Api.key(vmi));
                        if (vm == null) {
                            vmis.put(Api.key(vmi), vmi);
                        } else {
                            read.add(vm.read(reading(vm.vm(), vmi, launchers(pods, vmi))));
                        }
                    }
                } else {
                    for (JsonNode vm : vmPages.next()) {
                        JsonNode vmi = vmis.remove(Api.key(vm));
                        Listed waiting = new Listed(listed++, vm, null);
                        if (vmi == null) {
                            vms.put(Api.key(vm), waiting);
                        } else {
                            read.add(waiting.read(reading(vm, vmi, launchers(pods, vmi))));
                        }
                    }
                }
            }
            vms.values().forEach(vm -> read.add(vm.read(reading(vm.vm(), null, List.of()))));
            read.sort(Comparator.comparingInt(Listed::index));
            return read.stream().map(Listed::reading).toList();
        } catch (KubernetesClientException e) {
            throw Failures.of("target " + name + ": listing VirtualMachines", e);
        }
    }

    /** A VM as the n-th of its listing: waiting for its VMI, then read. */
    private record Listed(int index, JsonNode vm, WatchedVms.Reading reading) {
        Listed read(WatchedVms.Reading done) {
            return new Listed(index, null, done);
        }
    }

    private static List<JsonNode> launchers(Map<String, List<JsonNode>> pods, JsonNode vmi) {
        return pods.getOrDefault(vmi.path("metadata").path("uid").asText(), List.of());
    }

    /** One VM read directly, its launcher pods from the watch; null when there is no such VM. */
    private WatchedVms.Reading readOne(String namespace, String vmName) {
        JsonNode vm = api.get(Resources.VM, namespace, vmName);
        if (vm == null) {
            return null;
        }
        JsonNode vmi = api.get(Resources.VMI, namespace, vmName);
        return reading(vm, vmi, vmi == null ? List.of() : watched.launcherPods(vmi));
    }

    private WatchedVms.Reading reading(JsonNode vm, JsonNode vmi, List<JsonNode> launchers) {
        ObservedVm observed = new ObservedVm(vm, vmi, vmi == null ? null : Api.launcherPod(vmi, launchers),
                capabilities.cluster().podBinding());
        return new WatchedVms.Reading(Api.key(vm), WatchedVms.Stamp.of(vm, vmi, launchers),
                LiveVmReader.read(name, observed, capabilities.cluster().version()));
    }

    @Override
    public LiveVm observe(VmRef vm) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), null);
        try {
            ObservedVm observed = api.observe(vm.namespace(), vm.name());
            if (observed == null) {
                throw new TargetException(Reason.NOT_FOUND, subject + ": no such VirtualMachine");
            }
            return LiveVmReader.read(name, observed, capabilities.cluster().version());
        } catch (KubernetesClientException e) {
            throw Failures.of(subject, e);
        }
    }

    @Override
    public List<String> preflight(List<Step> plan) throws TargetException {
        return new Preflight(api, capabilities).check(plan);
    }

    @Override
    public void execute(Step step, Duration timeout) throws TargetException {
        steps.run(step, timeout);
    }

    @Override
    public void announce(VmRef vm, Announcement announcement) throws TargetException {
        events.record(vm, announcement);
    }

    @Override
    public synchronized void close() {
        if (watched != null) {
            watched.close();
        }
        api.close();
    }
}
