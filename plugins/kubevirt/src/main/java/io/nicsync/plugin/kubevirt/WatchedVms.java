package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.nicsync.spi.LiveVm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every VM of the cluster, kept between observations by watching: the readings of the last full listing, and
 * a WATCH each (fabric8 informers) of VirtualMachines, VirtualMachineInstances and virt-launcher pods that tells
 * which VMs moved since. Observing again reads only those VMs again, directly; the rest is reused. A VM has moved
 * when the resourceVersion of its VM, its VMI or one of the VMI's launcher pods differs from the one its reading
 * was made from, or one of them appeared or went.
 *
 * <p>The informers keep no whole objects, only each one's key and resourceVersion, and of launcher pods the little
 * a reading needs (a fleet of 10,000 VMs would otherwise be held in memory three times over, as fabric8's
 * objects): their events are compared with the readings as they arrive. A VM read again costs two GETs. They are started after the first listing, which answers the first observation at once,
 * and the next observation waits for their first LIST. While a watch is down (being re-established after an
 * error), or when more VMs moved than are worth reading one by one, {@link #observeAll} answers empty and the
 * caller lists again.
 */
final class WatchedVms implements AutoCloseable {
    /** How long the first LIST of each informer may take. */
    private static final long START_SECONDS = 120;
    /** More moved VMs than this are listed rather than read one by one (three requests each). */
    static final int REREAD_LIMIT = 200;

    /** What a reading was made from: a change to any of these objects moves one of the versions. */
    record Stamp(String vm, String vmi, String vmiUid, Map<String, String> pods) {
        Stamp {
            pods = Map.copyOf(pods);
        }

        static Stamp of(JsonNode vm, JsonNode vmi, List<JsonNode> launchers) {
            Map<String, String> pods = new HashMap<>();
            launchers.forEach(p -> pods.put(p.path("metadata").path("name").asText(), version(p)));
            return new Stamp(version(vm), vmi == null ? null : version(vmi),
                    vmi == null ? null : vmi.path("metadata").path("uid").asText(), pods);
        }

        private static String version(JsonNode object) {
            return object.path("metadata").path("resourceVersion").asText();
        }
    }

    /** One VM as last read. */
    record Reading(String key, Stamp stamp, LiveVm live) {
    }

    /** Reads one VM again; null when it no longer exists. */
    @FunctionalInterface
    interface Reader {
        Reading read(String namespace, String name);
    }

    private final List<SharedIndexInformer<GenericKubernetesResource>> informers;
    private final SharedIndexInformer<GenericKubernetesResource> pods;
    private final List<CompletableFuture<Void>> started = new ArrayList<>();
    private final Map<String, Reading> kept = new ConcurrentHashMap<>();
    /** The VM key of each VMI uid of a reading: launcher pods name their VMI by uid. */
    private final Map<String, String> vmiKeys = new ConcurrentHashMap<>();
    /** VMs an event showed moved since their reading. */
    private final Set<String> moved = ConcurrentHashMap.newKeySet();
    private boolean synced;
    private boolean waited;

    private WatchedVms(Api api) {
        SharedIndexInformer<GenericKubernetesResource> vms = api.informer(Resources.VM);
        SharedIndexInformer<GenericKubernetesResource> vmis = api.informer(Resources.VMI);
        SharedIndexInformer<GenericKubernetesResource> pods = api.launcherPodInformer();
        pods.addIndexers(Map.of(Api.CREATED_BY, pod -> List.of(createdBy(pod))));
        vms.addEventHandler(new Moves(Cache::metaNamespaceKeyFunc, (stamp, name) -> stamp.vm()));
        vmis.addEventHandler(new Moves(Cache::metaNamespaceKeyFunc, (stamp, name) -> stamp.vmi()));
        pods.addEventHandler(new Moves(this::launcherKey, (stamp, name) -> stamp.pods().get(name)));
        informers = List.of(vms, vmis, pods);
        this.pods = pods;
    }

    /** Keeps the readings of a full listing and starts watching for what moves after it. */
    static WatchedVms start(Api api, List<Reading> listed) {
        WatchedVms watched = new WatchedVms(api);
        watched.remember(listed);
        // a first LIST that fails (forbidden, unreachable) fails its start; once running, an informer
        // re-establishes its watch after errors, and observeAll answers empty meanwhile
        for (SharedIndexInformer<GenericKubernetesResource> informer : watched.informers) {
            informer.exceptionHandler((isStarted, error) -> isStarted);
            watched.started.add(informer.start().toCompletableFuture());
        }
        return watched;
    }

    /** The readings of a full listing, replacing all kept ones. */
    synchronized void remember(List<Reading> listed) {
        Set<String> listedKeys = new HashSet<>();
        for (Reading reading : listed) {
            keep(reading);
            listedKeys.add(reading.key());
        }
        kept.keySet().retainAll(listedKeys);
        // what moved during the listing stays moved: it is read again next time
    }

    /**
     * Every VM of the cluster: the kept readings, those of the VMs that moved read again. Empty when the caller
     * must list instead: a watch is down or never started, or too many VMs moved.
     */
    synchronized Optional<List<LiveVm>> observeAll(Reader reader) {
        if (!watching()) {
            return Optional.empty();
        }
        List<String> again = new ArrayList<>(moved);
        moved.removeAll(again);
        if (again.size() > REREAD_LIMIT) {
            return Optional.empty(); // the listing the caller makes now reads them; what moves after is marked anew
        }
        for (String key : again) {
            int slash = key.indexOf('/');
            Reading reading = reader.read(key.substring(0, slash), key.substring(slash + 1));
            if (reading == null) {
                forget(key);
            } else {
                keep(reading);
            }
        }
        List<LiveVm> all = new ArrayList<>(kept.size());
        kept.values().forEach(r -> all.add(r.live()));
        return Optional.of(all);
    }

    /** Whether every watch runs, having waited for their first LIST once. */
    private boolean watching() {
        if (!synced) {
            CompletableFuture<Void> all = CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
            try {
                // waits once; a start that takes longer is looked at again next time without waiting
                all.get(waited ? 0 : START_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                waited = true;
                return false; // a watch that cannot start (pods not listable, ...): the caller lists every time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            synced = true;
            goneBeforeWatching();
        }
        return informers.stream().allMatch(SharedIndexInformer::isWatching);
    }

    /**
     * Marks moved the VMs whose VM, VMI or a launcher pod of their reading was deleted between the listing they
     * were read from and the informers' own first LIST: no event tells of those.
     */
    private void goneBeforeWatching() {
        Set<String> vmKeys = new HashSet<>(informers.get(0).getStore().listKeys());
        Set<String> vmiKeys = new HashSet<>(informers.get(1).getStore().listKeys());
        Set<String> podKeys = new HashSet<>(pods.getStore().listKeys());
        for (Reading reading : kept.values()) {
            String namespace = reading.key().substring(0, reading.key().indexOf('/') + 1);
            Stamp stamp = reading.stamp();
            if (!vmKeys.contains(reading.key()) || stamp.vmi() != null && !vmiKeys.contains(reading.key())
                    || stamp.pods().keySet().stream().anyMatch(pod -> !podKeys.contains(namespace + pod))) {
                moved.add(reading.key());
            }
        }
    }

    private void keep(Reading reading) {
        Reading before = kept.put(reading.key(), reading);
        if (before != null && before.stamp().vmiUid() != null) {
            vmiKeys.remove(before.stamp().vmiUid());
        }
        if (reading.stamp().vmiUid() != null) {
            vmiKeys.put(reading.stamp().vmiUid(), reading.key());
        }
    }

    private void forget(String key) {
        Reading before = kept.remove(key);
        if (before != null && before.stamp().vmiUid() != null) {
            vmiKeys.remove(before.stamp().vmiUid());
        }
    }

    /** The launcher pods of a VMI as the watch has them (what a VM's reading needs of them). */
    List<JsonNode> launcherPods(JsonNode vmi) {
        List<JsonNode> found = new ArrayList<>(2);
        pods.getIndexer().byIndex(Api.CREATED_BY, vmi.path("metadata").path("uid").asText())
                .forEach(pod -> found.add(TemplatePatch.JSON.valueToTree(pod)));
        return found;
    }

    /** The VM of a launcher pod, when a reading has its VMI; a pod of a VMI not read yet is seen when that is. */
    private String launcherKey(HasMetadata pod) {
        String uid = createdBy(pod);
        return uid.isEmpty() ? null : vmiKeys.get(uid);
    }

    private static String createdBy(HasMetadata pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(Api.CREATED_BY, "");
    }

    /** Marks a VM moved when an event's object is not at the version the VM's reading was made from. */
    private final class Moves implements ResourceEventHandler<GenericKubernetesResource> {
        private final Function<HasMetadata, String> vmOf;
        private final BiFunction<Stamp, String, String> versionIn;

        /**
         * @param vmOf the key of the object's VM; null when not known
         * @param versionIn the version of the object (by name) in a reading's stamp, null when it had none
         */
        Moves(Function<HasMetadata, String> vmOf, BiFunction<Stamp, String, String> versionIn) {
            this.vmOf = vmOf;
            this.versionIn = versionIn;
        }

        @Override
        public void onAdd(GenericKubernetesResource object) {
            seen(object, object.getMetadata().getResourceVersion());
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource object) {
            seen(object, object.getMetadata().getResourceVersion());
        }

        @Override
        public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
            seen(object, null);
        }

        private void seen(HasMetadata object, String version) {
            String key = vmOf.apply(object);
            if (key == null) {
                return;
            }
            Reading reading = kept.get(key);
            String readAt = reading == null ? null : versionIn.apply(reading.stamp(), object.getMetadata().getName());
            if (version == null ? readAt != null : !version.equals(readAt)) {
                moved.add(key);
            }
        }
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::stop);
    }
}
