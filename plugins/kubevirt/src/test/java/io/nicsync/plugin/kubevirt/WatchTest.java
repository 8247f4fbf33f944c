package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.TargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Observing a whole cluster again and again, as a long-running loop does: the first observation lists (in pages,
 * as kube-apiserver serves them), later ones read only the VMs whose VM, VMI or launcher pod moved, and what moved
 * shows.
 */
class WatchTest {
    /** More VMs than one page of a LIST, so that paging is exercised. */
    private static final int VMS = Api.PAGE + 20;
    private Lab lab;
    private final List<RequestTap.Request> requests = new CopyOnWriteArrayList<>();
    private AutoCloseable tap;

    @BeforeEach
    void fleet() throws Exception {
        lab = Lab.running(SimConfig.v1(4));
        for (int i = 2; i <= VMS; i++) {
            ObjectNode vm = Fixtures.web01();
            vm.withObjectProperty("metadata").put("name", name(i));
            lab.sim.createVm(vm);
        }
        lab.sim.start("prod", name(2));
        lab.sim.start("prod", name(3));
        tap = RequestTap.listen(requests::add);
    }

    @AfterEach
    void close() throws Exception {
        tap.close();
        lab.close();
    }

    @Test
    void theFirstObservationListsInPagesAndTheNextReadsNothingWhenNothingMoved() throws Exception {
        List<LiveVm> listed = sorted(lab.target.observeAllWatched());
        assertThat(listed).hasSize(VMS).isEqualTo(sorted(lab.target.observeAll()));
        assertThat(requests).filteredOn(r -> r.path().contains("/virtualmachines?") && r.path().contains("continue="))
                .as("the second page of VMs").isNotEmpty();

        List<LiveVm> again = awaitObservation(vms -> true);
        requests.clear();
        assertThat(sorted(lab.target.observeAllWatched())).isEqualTo(listed);
        assertThat(again).hasSize(VMS);
        assertThat(requests).as("requests of an observation with nothing moved").isEmpty();
    }

    @Test
    void aVmChangedLiveIsReadAgainAloneAndShows() throws Exception {
        lab.target.observeAllWatched();
        awaitObservation(vms -> true);
        requests.clear();

        lab.cluster.someoneElse().genericKubernetesResources(Resources.VM).inNamespace("prod").withName(name(7))
                .patch(PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/networks/1/multus/networkName\","
                                + "\"value\":\"red\"}]");

        List<LiveVm> vms = awaitObservation(all -> persistentNetwork(all, name(7)).equals(Networks.multus("red", "prod")));
        assertThat(persistentNetwork(vms, name(6))).isEqualTo(Networks.multus("blue", "prod"));
        assertThat(requests).filteredOn(r -> r.method().equals("GET") && !r.path().contains("watch="))
                .extracting(RequestTap.Request::path)
                .allMatch(path -> path.contains(name(7)), "reads only web-07");
    }

    @Test
    void aStoppedVmADeletedOneAndALauncherPodsNetworkShow() throws Exception {
        lab.target.observeAllWatched();
        awaitObservation(vms -> true);

        lab.sim.stop("prod", name(2));
        lab.cluster.someoneElse().genericKubernetesResources(Resources.VM).inNamespace("prod").withName(name(4)).delete();
        // multus plumbed another NAD into web-03's pod than its VMI says: the pod's network is the live one
        GenericKubernetesResource pod = lab.cluster.someoneElse().genericKubernetesResources("v1", "Pod").inNamespace("prod")
                .withLabel("vm.kubevirt.io/name", name(3)).list().getItems().get(0);
        String status = pod.getMetadata().getAnnotations().get(ObservedVm.NETWORK_STATUS).replace("prod/blue", "prod/red");
        pod.getMetadata().getAnnotations().put(ObservedVm.NETWORK_STATUS, status);
        lab.cluster.someoneElse().genericKubernetesResources("v1", "Pod").inNamespace("prod").resource(pod).update();

        List<LiveVm> vms = awaitObservation(all -> all.size() == VMS - 1 && power(all, name(2)) == PowerState.STOPPED
                && liveNetwork(all, name(3)).equals(Networks.multus("red", "prod")));
        assertThat(vms).extracting(v -> v.ref().name()).doesNotContain(name(4));
        assertThat(sorted(vms)).isEqualTo(sorted(lab.target.observeAll()));
    }

    @Test
    void moreMovedVmsThanAreWorthReadingOneByOneAreListedOnceAndThenWatchedAgain() throws Exception {
        lab.target.observeAllWatched();
        awaitObservation(vms -> true);
        int changed = WatchedVms.REREAD_LIMIT + 50;
        for (int i = 2; i < 2 + changed; i++) {
            lab.cluster.someoneElse().genericKubernetesResources(Resources.VM).inNamespace("prod").withName(name(i))
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":"
                            + "\"/spec/template/spec/networks/1/multus/networkName\",\"value\":\"red\"}]");
        }
        requests.clear();
        awaitObservation(all -> all.stream().filter(v -> v.nic("blue").orElseThrow().persistent().network()
                .equals(Networks.multus("red", "prod"))).count() == changed);
        assertThat(requests).filteredOn(r -> r.path().contains("/virtualmachines?")).as("a listing").isNotEmpty();

        // an event that arrived while the listing ran was compared with the reading before it: that VM is read
        // again (a GET); the watches then catch up and observing reads nothing, without listing again
        requests.clear();
        long deadline = System.nanoTime() + 10_000_000_000L;
        int made;
        do {
            int before = requests.size();
            lab.target.observeAllWatched();
            made = requests.size() - before;
        } while (made > 0 && System.nanoTime() < deadline);
        assertThat(made).as("requests once the watches have caught up").isZero();
        assertThat(requests).as("no second listing").noneMatch(r -> r.path().contains("/virtualmachines?"));
    }

    @Test
    void aVmDeletedWhileTheWatchesStartIsGoneAsWell() throws Exception {
        lab.target.observeAllWatched();
        // before or after the informers' own first LIST: no event tells of it in the first case
        lab.cluster.someoneElse().genericKubernetesResources(Resources.VM).inNamespace("prod").withName(name(9)).delete();
        lab.sim.stop("prod", name(3));

        List<LiveVm> vms = awaitObservation(all -> all.size() == VMS - 1 && power(all, name(3)) == PowerState.STOPPED);
        assertThat(vms).extracting(v -> v.ref().name()).doesNotContain(name(9));
    }

    /** Observes until {@code done}: the watches deliver a change a few milliseconds after it was made. */
    private List<LiveVm> awaitObservation(Predicate<List<LiveVm>> done) throws TargetException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<LiveVm> vms = lab.target.observeAllWatched();
        while (!done.test(vms) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            vms = lab.target.observeAllWatched();
        }
        assertThat(done).as("%d VMs: %s", vms.size(), vms.stream().filter(v -> v.power() != PowerState.STOPPED).map(v -> v.ref().name()).toList()).accepts(vms);
        return vms;
    }

    private static List<LiveVm> sorted(List<LiveVm> vms) {
        List<LiveVm> out = new ArrayList<>(vms);
        out.sort(Comparator.comparing(v -> v.ref().name()));
        return out;
    }

    private static LiveVm vm(List<LiveVm> vms, String name) {
        return vms.stream().filter(v -> v.ref().name().equals(name)).findFirst().orElseThrow();
    }

    private static PowerState power(List<LiveVm> vms, String name) {
        return vm(vms, name).power();
    }

    private static NetworkRef persistentNetwork(List<LiveVm> vms, String name) {
        return vm(vms, name).nic("blue").orElseThrow().persistent().network();
    }

    private static NetworkRef liveNetwork(List<LiveVm> vms, String name) {
        return vm(vms, name).nic("blue").orElseThrow().live().network();
    }

    private static String name(int i) {
        return String.format("web-%03d", i);
    }
}
