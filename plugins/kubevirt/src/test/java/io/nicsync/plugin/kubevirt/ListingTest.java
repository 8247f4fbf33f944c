package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing a cluster of more VMs than two pages, in two namespaces, two thirds of them running: VMIs and VMs are listed
 * in turns, each VM read with its own VMI and launcher pod, the stopped ones once every VMI has been listed.
 */
class ListingTest {
    private static final int PER_NAMESPACE = Api.PAGE + 40;
    /** "prod-eu/..." sorts before "prod/..." as the API server's keys sort: the two orders of a pair differ. */
    private static final List<String> NAMESPACES = List.of("prod", "prod-eu");
    private Lab lab;
    private final List<VmRef> created = new ArrayList<>();
    private final List<RequestTap.Request> requests = new CopyOnWriteArrayList<>();
    private AutoCloseable tap;

    @BeforeEach
    void fleet() throws Exception {
        lab = Lab.stopped(SimConfig.v1(6));
        created.add(Lab.WEB01);
        for (String namespace : NAMESPACES) {
            for (int i = 2; i <= PER_NAMESPACE; i++) {
                ObjectNode vm = Fixtures.web01();
                vm.withObjectProperty("metadata").put("name", name(i)).put("namespace", namespace);
                lab.sim.createVm(vm);
                created.add(new VmRef("lab", namespace, name(i)));
            }
        }
        for (VmRef vm : created) {
            if (running(vm)) {
                lab.sim.start(vm.namespace(), vm.name());
            }
        }
        tap = RequestTap.listen(requests::add);
    }

    @AfterEach
    void close() throws Exception {
        tap.close();
        lab.close();
    }

    @Test
    void everyVmIsReadOnceWithItsOwnVmiInTheOrderTheVmsAreListed() throws Exception {
        List<LiveVm> vms = lab.target.observeAll();

        assertThat(vms).extracting(LiveVm::ref).containsExactlyInAnyOrderElementsOf(created);
        assertThat(vms).extracting(LiveVm::ref).as("the order of the VMs' listing").isEqualTo(listedOrder());
        Map<String, String> vmiVersions = new HashMap<>();
        lab.cluster.someoneElse().genericKubernetesResources(Resources.VMI).inAnyNamespace().list().getItems()
                .forEach(vmi -> vmiVersions.put(vmi.getMetadata().getNamespace() + "/" + vmi.getMetadata().getName(),
                        vmi.getMetadata().getResourceVersion()));
        for (LiveVm vm : vms) {
            String key = vm.ref().namespace() + "/" + vm.ref().name();
            assertThat(vm.power()).as(key).isEqualTo(running(vm.ref()) ? PowerState.RUNNING : PowerState.STOPPED);
            // read with its own VMI (the fingerprint names its resourceVersion), its NICs live only when running
            assertThat(vm.fingerprint().value()).as(key)
                    .endsWith("/vmi:" + (running(vm.ref()) ? vmiVersions.get(key) : "-"));
            assertThat(vm.nics()).as(key).isNotEmpty().allMatch(nic -> (nic.live() != null) == running(vm.ref()));
        }
        assertThat(requests).filteredOn(r -> r.path().contains("/virtualmachineinstances?")
                && r.path().contains("continue=")).as("the VMIs' later pages").isNotEmpty();
        assertThat(requests).filteredOn(r -> r.path().contains("/virtualmachines?") && r.path().contains("continue="))
                .as("the VMs' later pages").hasSize(2);
    }

    /** As the simulated API server lists VMs: by namespace, then name. */
    private List<VmRef> listedOrder() {
        return created.stream().sorted((a, b) -> (a.namespace() + "/" + a.name()).compareTo(b.namespace() + "/"
                + b.name())).toList();
    }

    /** Two VMs of three: more VMIs than a page as well. */
    private static boolean running(VmRef vm) {
        return Integer.parseInt(vm.name().substring("web-".length())) % 3 != 0;
    }

    private static String name(int i) {
        return String.format("web-%03d", i);
    }
}
