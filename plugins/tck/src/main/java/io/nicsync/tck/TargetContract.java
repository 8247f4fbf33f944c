package io.nicsync.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every platform plugin does, checked against its real or simulated platform: the definition of a plugin.
 * A plugin's tests extend this class, say how to reach a {@link Platform}, and inherit every check:
 *
 * <ul>
 *   <li>its declarations compose (schemas, codecs that round-trip, one endpoint), and it is found by
 *       {@link ServiceLoader};
 *   <li>observing: every VM listed, one VM read alike, an unknown VM {@code NOT_FOUND}, every observed network of a
 *       kind it declares, plans of what it observes written and read back and valid against the plan schema;
 *   <li>each step it says it can do ({@link Capabilities}) executes, is verified by {@link Step#verifiedBy} on a fresh
 *       observation, moves the VM's fingerprint, and is undone by its inverse, verified too;
 *   <li>capacity: an add takes one slot, its unplug gives it back;
 *   <li>preflight refuses a NIC on a network the platform does not have, and passes a good one;
 *   <li>{@code nicsync import} of a VM, validated and planned again at once, plans no change.
 * </ul>
 *
 * Each check undoes what it changed, so one platform serves all of them ({@link #platform} is called once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TargetContract {
    private Platform platform;
    private final Steps steps = new Steps(this::platformUnderTest);

    /** The plugin under test. */
    protected abstract TargetPlugin plugin();

    /** The platform the contract runs on; called once, closed after the last check. */
    protected abstract Platform platform() throws Exception;

    @BeforeAll
    final void openPlatform() throws Exception {
        platform = platform();
    }

    @AfterAll
    final void closePlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private Platform platformUnderTest() {
        return platform;
    }

    private Target target() {
        return platform.target();
    }

    @Test
    final void isFoundByServiceLoaderAndItsDeclarationsCompose() {
        assertThat(ServiceLoader.load(TargetPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(plugin().getClass());
        Declarations.requireComposable(plugin());
        assertThat(platform.config().kind()).isEqualTo(plugin().kind());
        VmRef vm = platform.running();
        for (NetworkRef network : platform.networks()) {
            NetworkKind kind = Declarations.declarable(plugin(), network.kind());
            assertThat(kind.decode(kind.encode(network, vm), vm)).as("%s decoded from its encoding", network)
                    .isEqualTo(network);
        }
        assertThat(platform.networks()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    }

    @Test
    final void observesEveryVmAndEachAlike() throws Exception {
        List<LiveVm> all = target().observeAll();
        assertThat(all).extracting(LiveVm::ref).contains(platform.running());
        platform.stopped().ifPresent(s -> assertThat(all).extracting(LiveVm::ref).contains(s));
        LiveVm listed = all.stream().filter(v -> v.ref().equals(platform.running())).findFirst().orElseThrow();
        LiveVm one = target().observe(platform.running());
        assertThat(one.ref()).isEqualTo(listed.ref());
        assertThat(one.power().live()).as("the running VM runs").isTrue();
        assertThat(one.fingerprint()).as("nothing changed between listing and reading").isEqualTo(listed.fingerprint());
        assertThat(one.nics()).containsExactlyInAnyOrderElementsOf(listed.nics());
        platform.stopped().ifPresent(s -> assertThat(observe(s).power().live()).isFalse());

        VmRef nobody = new VmRef(platform.running().target(), platform.running().namespace(), "nicsync-tck-nobody");
        assertThatThrownBy(() -> target().observe(nobody)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.NOT_FOUND));

        for (LiveVm vm : all) {
            Declarations.requireDeclaredNetworks(plugin(), vm);
            Declarations.requireWritablePlan(plugin(), vm);
        }
    }

    @Test
    final void plugsANicAndUnplugsIt() throws Exception {
        Capabilities caps = target().capabilities();
        LiveVm before = observe(platform.running());
        assertThat(before.capacity().supported()).as("the running VM takes NICs live: %s", before.capacity().detail())
                .isTrue();
        assertThat(before.capacity().freeSlots()).as("free slots: %s", before.capacity().detail()).isPositive();
        NicSpec nic = platform.nic("tck0", platform.networks().get(0));
        assertThat(caps.canHotplug(before, nic)).as("the platform plugs %s", nic).isTrue();

        LiveVm plugged = steps.plug(before, nic);
        assertThat(plugged.capacity().freeSlots()).as("an add takes one slot")
                .isEqualTo(before.capacity().freeSlots() - 1);

        LiveNic live = plugged.nic("tck0").orElseThrow();
        assertThat(caps.canUnplug(plugged, live)).isTrue();
        LiveVm after = steps.run(new UnplugNic(platform.running(), live.live(), "tck: unplug"), plugged);
        assertThat(after.nic("tck0").map(LiveNic::live)).as("unplugged from the running VM").isEmpty();
        if (keepsUnplugged(caps)) {
            assertThat(after.nic("tck0").map(LiveNic::persistent)).as("an unplugged NIC stays defined").isPresent();
            after = steps.forget(after, "tck0");
            assertThat(after.capacity().freeSlots()).as("its removal from the definition gives the slot back")
                    .isEqualTo(before.capacity().freeSlots());
            return;
        }
        assertThat(after.capacity().freeSlots()).as("its unplug gives the slot back")
                .isEqualTo(before.capacity().freeSlots());
        steps.forget(after, "tck0");
    }

    /**
     * Where the one definition keeps unplugged NICs, a NIC defined but not plugged is plugged by an add, and the
     * add's undo unplugs it and leaves it defined: rolling back a plug never removes what was there before it.
     */
    @Test
    final void theUndoOfPluggingADefinedNicLeavesItDefined() throws Exception {
        Capabilities caps = target().capabilities();
        if (!keepsUnplugged(caps)) {
            return; // an unplug takes the NIC out of the definition on this platform: nothing of this contract
        }
        VmRef vm = platform.running();
        NicSpec nic = platform.nic("tck5", platform.networks().get(0));
        LiveVm defined = steps.run(new PersistNic(vm, nic, null, "tck: define"), observe(vm));
        LiveNic entry = defined.nic("tck5").orElseThrow();
        assertThat(entry.plugged()).as("defined, not plugged").isFalse();
        LiveVm undone = steps.runAndUndo(new AddNic(vm, entry.persistent(), "tck: plug"), defined);
        LiveNic after = undone.nic("tck5").orElseThrow(() -> new AssertionError("the undo of the plug removed tck5"));
        assertThat(after.plugged()).isFalse();
        assertThat(after.persistent()).isEqualTo(entry.persistent());
        assertThat(after.mac()).as("the same NIC").isEqualTo(entry.mac());
        steps.forget(undone, "tck5");
    }

    private static boolean keepsUnplugged(Capabilities caps) {
        return !caps.separatePersistentDefinition() && caps.keepsUnpluggedNics();
    }

    @Test
    final void everyLiveChangeItClaimsIsMadeVerifiedAndUndone() throws Exception {
        Capabilities caps = target().capabilities();
        LiveVm start = observe(platform.running());
        NicSpec nic = platform.nic("tck1", platform.networks().get(0));
        LiveVm vm = steps.plug(start, nic);
        NicSpec current = vm.nic("tck1").orElseThrow().live();
        boolean persistent = !caps.separatePersistentDefinition();

        if (caps.canSetLinkLive(current)) {
            vm = steps.runAndUndo(new SetLink(platform.running(), current, LinkState.UP, LinkState.DOWN, persistent,
                    "tck: link down"), vm);
        }
        NetworkRef other = platform.networks().get(1);
        if (caps.canRepointLive(current, other)) {
            vm = steps.runAndUndo(new RepointNic(platform.running(), current, current.network(), other,
                    "tck: repoint"), vm);
        }
        if (caps.separatePersistentDefinition()) {
            NicSpec entry = vm.nic("tck1").map(LiveNic::persistent).orElse(null);
            Step persist = entry == null ? new PersistNic(platform.running(), current, null, "tck: persist")
                    : new UnpersistNic(platform.running(), entry, "tck: unpersist");
            vm = steps.runAndUndo(persist, vm);
        }
        steps.unplug(vm, "tck1");
    }

    @Test
    final void aStoppedVmTakesPersistentChanges() throws Exception {
        Optional<VmRef> stopped = platform.stopped();
        if (stopped.isEmpty()) {
            return; // the platform offered no stopped VM: nothing of this contract to check on it
        }
        LiveVm vm = observe(stopped.get());
        NicSpec nic = platform.nic("tck2", platform.networks().get(1));
        vm = steps.run(new PersistNic(stopped.get(), nic, null, "tck: persist"), vm);
        LiveNic entry = vm.nic("tck2").orElseThrow();
        assertThat(entry.plugged()).as("a stopped VM plugs nothing").isFalse();
        steps.run(new UnpersistNic(stopped.get(), entry.persistent(), "tck: unpersist"), vm);
    }

    @Test
    final void preflightRefusesWhatWouldFailAndPassesWhatWouldNot() throws Exception {
        VmRef vm = platform.running();
        List<String> bad = target().preflight(List.of(new AddNic(vm, platform.nic("tck3", platform.missingNetwork()),
                "tck: preflight")));
        assertThat(bad).as("a NIC on %s, which the platform does not have", platform.missingNetwork()).isNotEmpty();
        assertThat(target().preflight(List.of(new AddNic(vm, platform.nic("tck3", platform.networks().get(0)),
                "tck: preflight")))).isEmpty();
    }

    @Test
    final void anImportedVmPlansNoChange(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        LiveVm vm = steps.plug(observe(platform.running()), platform.nic("tck4", platform.networks().get(1)));
        try {
            List<Step> planned = Imports.planAfterImport(plugin(), platform, out);
            assertThat(planned).as("the plan right after importing %s", platform.running()).isEmpty();
            try (var written = Files.list(out.resolve(platform.config().name()))) {
                assertThat(written.toList()).as("files written for %s", platform.running()).isNotEmpty();
            }
        } finally {
            steps.unplug(observe(platform.running()), "tck4");
        }
        assertThat(vm.nic("tck4")).isPresent();
    }

    /** The VM as observed now. */
    protected final LiveVm observe(VmRef vm) {
        try {
            return target().observe(vm);
        } catch (TargetException e) {
            throw new AssertionError("cannot observe " + vm + ": " + e.getMessage(), e);
        }
    }
}
