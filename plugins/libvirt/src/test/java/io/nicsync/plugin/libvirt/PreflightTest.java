package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private static final VmRef Q35 = VmRef.of("lab", "fake");
    private static final VmRef GONE = VmRef.of("lab", "gone");
    private static final VmRef OS_BOOT = VmRef.of("lab", "kernel");
    private static final VmRef DEVICE_BOOT = VmRef.of("lab", "bridged");
    private static final HostNetworks ONLY_BR_LAB0 = ref -> ref.equals(NetworkRef.named("bridge", "br-lab0"))
            ? Optional.empty() : Optional.of(ref.display() + " is missing");

    private final Map<VmRef, Observer.Observed> vms = Map.of(Q35, observe("q35-live.xml", "q35-inactive.xml"),
            OS_BOOT, observe("kernel-live.xml", "kernel-inactive.xml"),
            DEVICE_BOOT, observe("bridge-live.xml", "bridge-live.xml"));
    private final Preflight preflight = new Preflight(vm -> Optional.ofNullable(vms.get(vm)), ONLY_BR_LAB0);

    @Test
    void reportsEveryProblemNotTheFirst() throws Exception {
        List<String> problems = preflight.check(List.of(
                add(Q35, "a", "br-lab0"), add(Q35, "b", "br-nope"), add(GONE, "c", "br-lab0"),
                new Migrate(Q35, List.of(), "test")));

        assertThat(problems).containsExactly(
                "fake/b: bridge br-nope is missing",
                "fake: libvirt targets cannot migrate a domain",
                "fake: 2 NIC(s) to hotplug but room for only 1 (1 of 3 pcie-root-ports free)",
                "gone: no such domain on target lab");
    }

    @Test
    void aMissingBridgeThatTwoStepsOfOneNicNeedIsOneProblem() throws Exception {
        AddNic add = add(Q35, "b", "br-nope");
        List<String> problems = preflight.check(List.of(add, new PersistNic(Q35, add.spec(), null, "test")));

        assertThat(problems).containsExactly("fake/b: bridge br-nope is missing");
    }

    @Test
    void anUnplugInTheSameBatchMakesRoom() throws Exception {
        NicSpec plugged = vms.get(Q35).vm().nics().get(0).live();
        assertThat(preflight.check(List.of(new UnplugNic(Q35, plugged, "test"),
                add(Q35, "a", "br-lab0"), add(Q35, "b", "br-lab0")))).isEmpty();
    }

    @Test
    void aBootOrderBesideOsBootIsRefusedForBothDefinitions() throws Exception {
        NicSpec booting = nic("pxe", "br-lab0", 1);
        List<String> problems = preflight.check(List.of(new AddNic(OS_BOOT, booting, "test"),
                new PersistNic(OS_BOOT, booting, null, "test")));

        assertThat(problems).containsExactly(
                "kernel/pxe: bootOrder 1 cannot be set: the running definition boots through <os><boot dev=...>, "
                        + "and libvirt does not allow per-device boot orders beside it (remove bootOrder, or move "
                        + "the domain's boot order onto its devices)",
                "kernel/pxe: bootOrder 1 cannot be set: the persistent definition boots through <os><boot dev=...>, "
                        + "and libvirt does not allow per-device boot orders beside it (remove bootOrder, or move "
                        + "the domain's boot order onto its devices)");
    }

    @Test
    void aBootOrderAnotherDeviceHoldsIsRefusedButTheSameNicMayKeepIt() throws Exception {
        assertThat(preflight.check(List.of(new AddNic(DEVICE_BOOT, nic("pxe", "br-lab0", 2), "test"))))
                .containsExactly("bridged/pxe: bootOrder 2 is already used by interface ua-uplink in the running "
                        + "definition");
        assertThat(preflight.check(List.of(new PersistNic(DEVICE_BOOT, nic("uplink", "br-lab0", 2),
                null, "test")))).isEmpty();
        assertThat(preflight.check(List.of(new AddNic(DEVICE_BOOT, nic("pxe", "br-lab0", 3), "test"))))
                .isEmpty();
    }

    @Test
    void aNicWithoutBootOrderNeedsNothingFromTheDefinition() throws Exception {
        assertThat(preflight.check(List.of(add(OS_BOOT, "plain", "br-lab0")))).isEmpty();
    }

    private static AddNic add(VmRef vm, String name, String bridge) {
        return new AddNic(vm, nic(name, bridge), "test");
    }

    private static NicSpec nic(String name, String bridge) {
        return nic(name, bridge, null);
    }

    private static NicSpec nic(String name, String bridge, Integer bootOrder) {
        return new NicSpec(name, null, NetworkRef.named("bridge", bridge), null, null, LinkState.UP, bootOrder);
    }

    private static Observer.Observed observe(String live, String inactive) {
        try {
            return Observer.read("lab", new FakeDomain(Fixtures.read(live), Fixtures.read(inactive)));
        } catch (LibvirtFailure e) {
            throw new AssertionError(e);
        }
    }
}
