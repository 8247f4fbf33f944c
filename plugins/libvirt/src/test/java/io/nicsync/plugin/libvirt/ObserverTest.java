package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import org.junit.jupiter.api.Test;

class ObserverTest {

    @Test
    void runningDomainPairsLiveAndPersistentNicByMac() throws Exception {
        LiveVm vm = observe(new FakeDomain(Fixtures.read("kernel-live.xml"), Fixtures.read("kernel-inactive.xml")));

        assertThat(vm.ref().toString()).isEqualTo("lab/fake");
        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.machineType()).isEqualTo("pc-i440fx-7.2");
        assertThat(vm.capacity().freeSlots()).isEqualTo(29);
        assertThat(vm.nics()).singleElement().satisfies(n -> {
            assertThat(n.name()).isNull();
            assertThat(n.mac()).isEqualTo(MacAddress.parse("52:54:00:48:68:84"));
            assertThat(n.pciAddress()).isEqualTo("0000:00:02.0");
            assertThat(n.live().network()).isEqualTo(NetworkRef.named("bridge", "br-lab0"));
            assertThat(n.live().model()).isEqualTo("virtio");
            assertThat(n.live().link()).isEqualTo(LinkState.UP);
            assertThat(n.persistent()).isEqualTo(n.live());
        });
    }

    @Test
    void hotpluggedNicIsLiveOnlyAndNamedByItsUserAlias() throws Exception {
        LiveVm vm = observe(new FakeDomain(Fixtures.read("noos-live.xml"), Fixtures.read("noos-inactive.xml")));

        assertThat(vm.nics()).hasSize(2);
        LiveNic first = vm.nics().get(0);
        assertThat(first.live().link()).isEqualTo(LinkState.DOWN);
        assertThat(first.persistent().link()).isEqualTo(LinkState.UP);
        LiveNic extra = vm.nic("extra").orElseThrow();
        // Live XML shows type='bridge' for a NIC on a libvirt network; the network is what counts.
        assertThat(extra.live().network()).isEqualTo(NetworkRef.named("network", "lab"));
        assertThat(extra.persisted()).isFalse();
        assertThat(extra.pciAddress()).isEqualTo("0000:00:03.0");
    }

    @Test
    void stoppedDomainHasOnlyPersistentNicsAndNoCapacity() throws Exception {
        FakeDomain d = new FakeDomain(null, Fixtures.read("q35-inactive.xml"));
        d.power = PowerState.STOPPED;
        LiveVm vm = observe(d);

        assertThat(vm.machineType()).startsWith("pc-q35");
        assertThat(vm.nics()).singleElement().satisfies(n -> {
            assertThat(n.plugged()).isFalse();
            assertThat(n.persistent().network()).isEqualTo(NetworkRef.named("bridge", "br-lab0"));
        });
        assertThat(vm.capacity().supported()).isFalse();
        assertThat(vm.capacity().detail()).contains("not running");
    }

    @Test
    void fingerprintIsStableAndFollowsNicChanges() throws Exception {
        String live = Fixtures.read("kernel-live.xml");
        String inactive = Fixtures.read("kernel-inactive.xml");
        LiveVm a = observe(new FakeDomain(live, inactive));
        LiveVm reformatted = observe(new FakeDomain(live.replace("\n    ", "\n"), inactive));
        LiveVm linkDown = observe(new FakeDomain(
                live.replace("<model type='virtio'/>", "<model type='virtio'/><link state='down'/>"), inactive));
        FakeDomain stopped = new FakeDomain(live, inactive);
        stopped.power = PowerState.STOPPED;

        assertThat(a.fingerprint().value()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(reformatted.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(linkDown.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(observe(stopped).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    private static LiveVm observe(FakeDomain d) throws LibvirtFailure {
        return Observer.observe("lab", d);
    }
}
