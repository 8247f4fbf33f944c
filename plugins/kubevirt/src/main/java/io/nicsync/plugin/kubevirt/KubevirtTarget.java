package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** Started by the first {@link #observeAllWatched}: only a process that observes again and again needs it. */
    private WatchedVms watched;

    private KubevirtTarget(String name, Api api, KubevirtCapabilities capabilities, StepRunner steps) {
        this.name = name;
        this.api = api;
        this.capabilities = capabilities;
        this.steps = steps;
    }

    static KubevirtTarget open(String name, Api api, HotplugSetting hotplug, Pacer pacer) throws TargetException {
        ClusterInfo cluster = readCluster(name, api);
        KubevirtCapabilities capabilities = new KubevirtCapabilities(cluster, hotplug.mode(cluster));
        Waiter waiter = new Waiter(api, pacer);
        Effects effects = new Effects(waiter);
        MigrationRunner migrations = new MigrationRunner(api, waiter, cluster);
        VmPatcher patcher = new VmPatcher(api, waiter);
        Restarts restarts = new Restarts(api, patcher, waiter);
        StepRunner steps = cluster.version().imperative()
                ? new ImperativeSteps(api, waiter, effects, migrations, capabilities, restarts)
                : new DeclarativeSteps(patcher, effects, migrations, capabilities, restarts);
        return new KubevirtTarget(name, api, capabilities, steps);
    }

    private static ClusterInfo readCluster(String name, Api api) throws TargetException {
        String subject = "target " + name + ": reading the KubeVirt CR";
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
        try {
            Map<String, JsonNode> vmis = new HashMap<>();
            for (JsonNode vmi : api.list(Resources.VMI)) {
                vmis.put(key(vmi), vmi);
            }
            List<JsonNode> pods = api.launcherPods(null);
            List<LiveVm> vms = new ArrayList<>();
            for (JsonNode vm : api.list(Resources.VM)) {
                JsonNode vmi = vmis.get(key(vm));
                ObservedVm observed = new ObservedVm(vm, vmi, vmi == null ? null : Api.launcherPod(vmi, pods));
                vms.add(LiveVmReader.read(name, observed, capabilities.cluster().version()));
            }
            return vms;
        } catch (KubernetesClientException e) {
            throw Failures.of("target " + name + ": listing VirtualMachines", e);
        }
    }

    @Override
    public synchronized List<LiveVm> observeAllWatched() throws TargetException {
        try {
            if (watched == null) {
                watched = WatchedVms.start(api);
            }
            Optional<List<LiveVm>> vms = watched.observeAll(name, capabilities.cluster().version());
            return vms.isPresent() ? vms.get() : observeAll();
        } catch (KubernetesClientException e) {
            throw Failures.of("target " + name + ": watching VirtualMachines", e);
        }
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
    public synchronized void close() {
        if (watched != null) {
            watched.close();
        }
        api.close();
    }

    private static String key(JsonNode object) {
        return object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
