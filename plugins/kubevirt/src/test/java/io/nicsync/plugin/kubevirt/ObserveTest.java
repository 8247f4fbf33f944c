package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import org.junit.jupiter.api.Test;

/** Mapping KubeVirt's own example objects, as a cluster would return them, to {@link LiveVm}s. */
class ObserveTest {

    /** A running VM made of an example VMI: its template is the VMI spec, virt-handler reported every NIC. */
    private static ObservedVm runningFrom(String example, String infoSource) {
        ObjectNode vmi = Fixtures.object("kubevirt-examples/" + example);
        vmi.withObjectProperty("metadata").put("namespace", "prod").put("resourceVersion", "7");
        ObjectNode vm = TemplatePatch.JSON.createObjectNode();
        vm.putObject("metadata").put("name", vmi.at("/metadata/name").asText()).put("namespace", "prod")
                .put("resourceVersion", "5");
        vm.putObject("spec").putObject("template").set("spec", vmi.get("spec").deepCopy());
        ObjectNode status = vmi.putObject("status");
        status.put("phase", "Running");
        int i = 0;
        for (var iface : Interfaces.interfaces(vmi.get("spec"))) {
            ObjectNode entry = status.withArray("interfaces").addObject();
            entry.put("name", iface.path("name").asText());
            entry.put("mac", "52:54:00:00:00:0" + i++);
            entry.put("infoSource", infoSource);
        }
        return new ObservedVm(vm, vmi);
    }

    @Test
    void podAndMultusNicsWithTheirBindings() {
        LiveVm vm = LiveVmReader.read("lab", runningFrom("vmi-multus-multiple-net.yaml",
                "domain, guest-agent, multus-status"), Version.parse("v1.5.0"));
        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        LiveNic pod = vm.nic("default").orElseThrow();
        assertThat(pod.live().network()).isEqualTo(NetworkRef.of("pod"));
        assertThat(pod.live().binding()).isEqualTo("masquerade");
        LiveNic ptp = vm.nic("ptp").orElseThrow();
        assertThat(ptp.live().network()).isEqualTo(Networks.multus("ptp-conf", "prod"));
        assertThat(ptp.live().binding()).isEqualTo("bridge");
        assertThat(ptp.live().model()).isEqualTo("virtio");
        assertThat(ptp.live().link()).isEqualTo(LinkState.UP);
        assertThat(ptp.mac().value()).isEqualTo("52:54:00:00:00:01");
        assertThat(ptp.persistent()).isEqualTo(ptp.live().withMac(null));
        assertThat(vm.capacity().freeSlots()).isEqualTo(2);
        assertThat(vm.fingerprint().value()).isEqualTo("vm:5/vmi:7");
    }

    @Test
    void anSriovNicInAnotherNamespacesNad() {
        LiveVm vm = LiveVmReader.read("lab", runningFrom("vmi-sriov.yaml", "domain, guest-agent, multus-status"),
                Version.parse("v1.6.1"));
        LiveNic sriov = vm.nic("sriov-net").orElseThrow();
        assertThat(sriov.live().network()).isEqualTo(Networks.multus("sriov/sriov-network", "prod"));
        assertThat(sriov.live().binding()).isEqualTo("sriov");
        // 1024M of guest memory: the v1.6 pool of 8 ports
        assertThat(vm.capacity().freeSlots()).isEqualTo(6);
        assertThat(vm.capacity().detail()).contains("port pool of 8");
    }

    @Test
    void aNicNotYetInTheDomainIsPendingNotLive() {
        LiveVm vm = LiveVmReader.read("lab", runningFrom("vmi-multus-ptp.yaml", "multus-status"),
                Version.parse("v1.6.0"));
        LiveNic ptp = vm.nic("ptp").orElseThrow();
        assertThat(ptp.plugged()).isFalse();
        assertThat(ptp.persisted()).isTrue();
    }

    @Test
    void aStoppedVmHasOnlyPersistentNicsAndNoHotplug() {
        ObjectNode vm = Fixtures.object("kubevirt-examples/vm-cirros.yaml");
        vm.withObjectProperty("metadata").put("namespace", "prod").put("resourceVersion", "3");
        LiveVm live = LiveVmReader.read("lab", new ObservedVm(vm, null), Version.parse("v1.6.0"));
        assertThat(live.power()).isEqualTo(PowerState.STOPPED);
        assertThat(live.nics()).allSatisfy(nic -> assertThat(nic.live()).isNull());
        assertThat(live.capacity().supported()).isFalse();
        assertThat(live.fingerprint().value()).isEqualTo("vm:3/vmi:-");
    }

    @Test
    void aTemplateNamingNoNicHasThePodInterfaceKubevirtGivesIt() {
        ObjectNode vm = Fixtures.object("kubevirt-examples/vm-cirros.yaml");
        vm.withObjectProperty("metadata").put("namespace", "prod");
        assertThat(vm.at("/spec/template/spec/networks").isMissingNode()).isTrue();

        LiveNic stopped = LiveVmReader.read("lab", new ObservedVm(vm, null, null, "masquerade"),
                Version.parse("v1.6.0")).nic("default").orElseThrow();
        assertThat(stopped.persistent()).isEqualTo(new NicSpec("default", null, NetworkRef.of("pod"), "virtio",
                "masquerade", LinkState.UP, null));

        ObjectNode vmi = Fixtures.object("kubevirt-examples/vmi-masquerade.yaml");
        vmi.withObjectProperty("metadata").put("namespace", "prod");
        vmi.putObject("status").put("phase", "Running").putArray("interfaces").addObject()
                .put("name", "testmasquerade").put("mac", "52:54:00:00:00:01").put("infoSource", "domain");
        ((ObjectNode) vmi.at("/spec/domain/devices/interfaces/0")).put("name", "default");
        ((ObjectNode) vmi.at("/spec/networks/0")).put("name", "default");
        ((ObjectNode) vmi.at("/status/interfaces/0")).put("name", "default");
        LiveNic running = LiveVmReader.read("lab", new ObservedVm(vm, vmi, null, "bridge"), Version.parse("v1.6.0"))
                .nic("default").orElseThrow();
        assertThat(running.persistent()).as("as KubeVirt made it when it started the VM, whatever the CR says now")
                .isEqualTo(running.live().withMac(null)).extracting(NicSpec::binding).isEqualTo("masquerade");

        vm.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("spec")
                .withObjectProperty("domain").withObjectProperty("devices").put("autoattachPodInterface", false);
        assertThat(LiveVmReader.read("lab", new ObservedVm(vm, null), Version.parse("v1.6.0")).nics()).isEmpty();
    }

    @Test
    void anAbsentTemplateEntryIsNotPersistentAndTheV1_8SlotCountIsUsed() {
        ObservedVm observed = runningFrom("vmi-multus-multiple-net.yaml", "domain, guest-agent, multus-status");
        ((ObjectNode) Interfaces.interfaces(observed.template()).get(1)).put("state", "absent");
        ((ObjectNode) observed.vmi()).withObjectProperty("metadata").putObject("annotations")
                .put(PlaceholderCapacity.SLOT_COUNT, "5");
        LiveVm vm = LiveVmReader.read("lab", observed, Version.parse("v1.8.0"));
        assertThat(vm.nic("ptp").orElseThrow().persistent()).isNull();
        assertThat(vm.nic("ptp").orElseThrow().live()).isNotNull();
        assertThat(vm.capacity().freeSlots()).isEqualTo(3);
    }
}
