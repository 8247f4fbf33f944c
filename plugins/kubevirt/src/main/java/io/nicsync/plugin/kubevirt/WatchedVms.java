package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.nicsync.spi.LiveVm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every VM of the cluster as informers keep it: one LIST and then a WATCH each of VirtualMachines,
 * VirtualMachineInstances and virt-launcher pods, so that observing again costs no listing. A VM is read
 * into a {@link LiveVm} again only when the resourceVersion of its VM, its VMI or one of its launcher pods
 * moved; otherwise the last reading is reused. The caches lag the API server by the watch's delay; while a
 * watch is down (being re-established after an error) {@link #observeAll} answers empty, and the caller
 * lists.
 */
final class WatchedVms implements AutoCloseable {
    private static final String CREATED_BY = "kubevirt.io/created-by";
    /** How long the first LIST of each informer may take. */
    private static final long START_SECONDS = 120;

    /** What a reading was made from: a change to any of these objects moves one of the versions. */
    private record Stamp(String vm, String vmi, String pods) {
    }

    private record Kept(Stamp stamp, LiveVm live) {
    }

    private final SharedIndexInformer<GenericKubernetesResource> vms;
    private final SharedIndexInformer<GenericKubernetesResource> vmis;
    /** Null when the caller may not list pods: the pod's view of multus networks is then unknown, as with a LIST. */
    private final SharedIndexInformer<Pod> pods;
    private Map<String, Kept> kept = new HashMap<>();

    private WatchedVms(SharedIndexInformer<GenericKubernetesResource> vms,
            SharedIndexInformer<GenericKubernetesResource> vmis, SharedIndexInformer<Pod> pods) {
        this.vms = vms;
        this.vmis = vmis;
        this.pods = pods;
    }

    /** Starts the informers and waits for their first LIST. */
    static WatchedVms start(Api api) {
        SharedIndexInformer<GenericKubernetesResource> vms = api.informer(Resources.VM);
        SharedIndexInformer<GenericKubernetesResource> vmis = api.informer(Resources.VMI);
        SharedIndexInformer<Pod> pods = api.launcherPodInformer();
        pods.addIndexers(Map.of(CREATED_BY, pod -> List.of(createdBy(pod))));
        // A first LIST that fails (forbidden, unreachable) fails the start at once; once running, an informer
        // re-establishes its watch after errors, and observeAll lists directly meanwhile.
        List.of(vms, vmis).forEach(i -> i.exceptionHandler((started, error) -> started));
        pods.exceptionHandler((started, error) -> started);
        CompletableFuture<Void> vmsStarted = vms.start().toCompletableFuture();
        CompletableFuture<Void> vmisStarted = vmis.start().toCompletableFuture();
        CompletableFuture<Void> podsStarted = pods.start().toCompletableFuture();
        try {
            await(vmsStarted);
            await(vmisStarted);
        } catch (KubernetesClientException e) {
            vms.stop();
            vmis.stop();
            pods.stop();
            throw e;
        }
        try {
            await(podsStarted);
        } catch (KubernetesClientException e) {
            pods.stop();
            return new WatchedVms(vms, vmis, null);
        }
        return new WatchedVms(vms, vmis, pods);
    }

    /** Every VM of the cluster; empty while a watch is down and the caches may miss changes. */
    synchronized Optional<List<LiveVm>> observeAll(String target, Version version) {
        if (!vms.isWatching() || !vmis.isWatching() || (pods != null && !pods.isWatching())) {
            return Optional.empty();
        }
        List<GenericKubernetesResource> all = vms.getStore().list();
        Map<String, Kept> next = new HashMap<>(all.size() * 2);
        List<LiveVm> out = new ArrayList<>(all.size());
        for (GenericKubernetesResource vm : all) {
            String key = Cache.metaNamespaceKeyFunc(vm);
            GenericKubernetesResource vmi = vmis.getStore().getByKey(key);
            List<Pod> launchers = vmi == null || pods == null ? List.of()
                    : pods.getIndexer().byIndex(CREATED_BY, vmi.getMetadata().getUid());
            Stamp stamp = new Stamp(version(vm), vmi == null ? null : version(vmi), versions(launchers));
            Kept reading = kept.get(key);
            if (reading == null || !reading.stamp().equals(stamp)) {
                reading = new Kept(stamp, read(target, version, vm, vmi, launchers));
            }
            next.put(key, reading);
            out.add(reading.live());
        }
        kept = next;
        return Optional.of(out);
    }

    private static LiveVm read(String target, Version version, GenericKubernetesResource vm,
            GenericKubernetesResource vmi, List<Pod> launchers) {
        JsonNode vmiTree = vmi == null ? null : TemplatePatch.JSON.valueToTree(vmi);
        List<JsonNode> podTrees = launchers.stream().map(p -> TemplatePatch.JSON.<JsonNode>valueToTree(p)).toList();
        ObservedVm observed = new ObservedVm(TemplatePatch.JSON.valueToTree(vm), vmiTree,
                vmiTree == null ? null : Api.launcherPod(vmiTree, podTrees));
        return LiveVmReader.read(target, observed, version);
    }

    private static String version(HasMetadata object) {
        return object.getMetadata().getResourceVersion();
    }

    private static String versions(List<Pod> launchers) {
        StringBuilder all = new StringBuilder();
        launchers.forEach(p -> all.append(Cache.metaNamespaceKeyFunc(p)).append('@').append(version(p)).append(' '));
        return all.toString();
    }

    private static String createdBy(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(CREATED_BY, "");
    }

    private static void await(CompletableFuture<Void> started) {
        try {
            started.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof KubernetesClientException k ? k
                    : new KubernetesClientException("starting a watch: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KubernetesClientException("the first LIST of a watch took longer than " + START_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while starting a watch");
        }
    }

    @Override
    public void close() {
        vms.stop();
        vmis.stop();
        if (pods != null) {
            pods.stop();
        }
    }
}
