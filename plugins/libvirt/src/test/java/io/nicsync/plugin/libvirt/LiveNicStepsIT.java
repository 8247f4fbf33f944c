package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every live operation on a running guest with a Debian kernel, each checked by reading the domain XML
 * through a connection of the test's own. Each test works on NICs it creates itself.
 */
class LiveNicStepsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static LabGuest guest;
    private static Target target;
    private static Lab.Independent check;

    @BeforeAll
    static void up() throws Exception {
        Lab.require();
        guest = LabGuest.booted(LabGuest.Kind.KERNEL);
        target = Lab.open();
        check = new Lab.Independent();
    }

    @AfterAll
    static void down() throws Exception {
        if (target != null) {
            target.close();
        }
        if (check != null) {
            check.close();
        }
        if (guest != null) {
            guest.close();
        }
    }

    @Test
    void observeReadsWhatLibvirtHas() throws Exception {
        LiveVm vm = target.observe(guest.ref());
        DomainNic original = check.live(guest.name()).nics().get(0);

        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.machineType()).startsWith("pc-i440fx");
        assertThat(vm.nics()).singleElement().satisfies(n -> {
            assertThat(n.mac()).isEqualTo(original.mac());
            assertThat(n.pciAddress()).isEqualTo(original.pciAddress());
            assertThat(n.live().network()).isEqualTo(NetworkRef.named("bridge", Lab.BRIDGE));
            assertThat(n.persisted()).isTrue();
        });
        assertThat(vm.capacity().freeSlots()).isEqualTo(29);
        assertThat(target.observeAll()).extracting(v -> v.ref().name()).contains(guest.name());
        assertThat(target.observe(guest.ref()).fingerprint()).isEqualTo(vm.fingerprint());
    }

    @Test
    void addPlugsANamedNicWithTheGivenMac() throws Exception {
        NicSpec spec = bridged("add", "52:54:00:5a:00:01");
        run(new AddNic(guest.ref(), spec, "test"));

        DomainNic plugged = live("add").orElseThrow();
        assertThat(plugged.mac()).isEqualTo(spec.mac());
        assertThat(plugged.spec().network()).isEqualTo(NetworkRef.named("bridge", Lab.OTHER_BRIDGE));
        assertThat(plugged.spec().model()).isEqualTo("virtio");
        assertThat(persistent("add")).isEmpty();
    }

    @Test
    void setLinkChangesTheCarrierLiveAndInThePersistentDefinition() throws Exception {
        NicSpec spec = bridged("link", null);
        run(new AddNic(guest.ref(), spec, "test"));
        run(new PersistNic(guest.ref(), spec, null, "test"));

        run(new SetLink(guest.ref(), spec, LinkState.UP, LinkState.DOWN, true, "test"));

        assertThat(live("link").orElseThrow().spec().link()).isEqualTo(LinkState.DOWN);
        assertThat(persistent("link").orElseThrow().spec().link()).isEqualTo(LinkState.DOWN);
    }

    @Test
    void repointMovesAPluggedNicBetweenBridgeAndNetworkWithoutUnplugging() throws Exception {
        NicSpec spec = bridged("move", null);
        run(new AddNic(guest.ref(), spec, "test"));
        String slot = live("move").orElseThrow().pciAddress();

        run(new RepointNic(guest.ref(), spec, spec.network(), NetworkRef.named("network", Lab.NETWORK), "test"));
        assertThat(live("move").orElseThrow().spec().network()).isEqualTo(NetworkRef.named("network", Lab.NETWORK));

        run(new RepointNic(guest.ref(), spec, NetworkRef.named("network", Lab.NETWORK),
                NetworkRef.named("bridge", Lab.BRIDGE), "test"));
        DomainNic back = live("move").orElseThrow();
        assertThat(back.spec().network()).isEqualTo(NetworkRef.named("bridge", Lab.BRIDGE));
        assertThat(back.pciAddress()).as("same device, never unplugged").isEqualTo(slot);
    }

    @Test
    void persistWritesThePluggedNicIntoTheConfigAndUnpersistTakesItOut() throws Exception {
        NicSpec spec = bridged("keep", null);
        run(new AddNic(guest.ref(), spec, "test"));
        MacAddress assigned = live("keep").orElseThrow().mac();

        run(new PersistNic(guest.ref(), spec, null, "test"));
        assertThat(persistent("keep").orElseThrow().mac()).as("one NIC in both definitions").isEqualTo(assigned);
        LiveNic observed = target.observe(guest.ref()).nic("keep").orElseThrow();
        assertThat(observed.plugged()).isTrue();
        assertThat(observed.persisted()).isTrue();

        NicSpec onNetwork = spec.withNetwork(NetworkRef.named("network", Lab.NETWORK));
        run(new PersistNic(guest.ref(), onNetwork, spec, "test"));
        assertThat(persistent("keep").orElseThrow().spec().network())
                .isEqualTo(NetworkRef.named("network", Lab.NETWORK));
        assertThat(live("keep").orElseThrow().spec().network()).as("live untouched")
                .isEqualTo(NetworkRef.named("bridge", Lab.OTHER_BRIDGE));

        run(new UnpersistNic(guest.ref(), onNetwork, "test"));
        assertThat(persistent("keep")).isEmpty();
        assertThat(live("keep")).isPresent();
    }

    @Test
    void unplugReturnsOnceTheKernelGuestHasReleasedTheNic() throws Exception {
        NicSpec spec = bridged("gone", null);
        run(new AddNic(guest.ref(), spec, "test"));

        long start = System.nanoTime();
        run(new UnplugNic(guest.ref(), spec, "test"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(live("gone")).isEmpty();
        // libvirt itself waits up to 5 s for the guest; an acknowledging guest answers well before.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        System.out.printf("unplug acknowledged by the kernel guest in %d ms%n", took.toMillis());
    }

    private static void run(Step step) throws Exception {
        target.execute(step, TIMEOUT);
        assertThat(step.verifiedBy(target.observe(guest.ref()))).as("verified: %s", step).isTrue();
    }

    private static NicSpec bridged(String name, String mac) {
        return new NicSpec(name, mac == null ? null : MacAddress.parse(mac), NetworkRef.named("bridge", Lab.OTHER_BRIDGE),
                null, null, LinkState.UP, null);
    }

    private static Optional<DomainNic> live(String name) throws Exception {
        return check.live(guest.name()).nics().stream().filter(n -> name.equals(n.name())).findFirst();
    }

    private static Optional<DomainNic> persistent(String name) throws Exception {
        return check.persistent(guest.name()).nics().stream().filter(n -> name.equals(n.name())).findFirst();
    }
}
