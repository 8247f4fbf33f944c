package io.nicsync.bench;

import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diff and plan of a fleet in memory, nothing read or observed: running VMs with four NICs each, all converged,
 * or with {@code changedPercent} of them differing from their desired state (one NIC's link down live, one on
 * another bridge). Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBench {
    private static final Capabilities LIBVIRT_LIKE = new Capabilities() {
        @Override
        public boolean canRepointLive(NicSpec current, NetworkRef to) {
            return true;
        }

        @Override
        public boolean canSetLinkLive(NicSpec current) {
            return true;
        }
    };
    private static final DesiredSource SOURCE = new DesiredSource("bench", "0".repeat(40), "Bench <b@example.org>",
            "main", "");

    @Param("10000")
    public int vms;

    @Param({"0", "1"})
    public int changedPercent;

    private List<PlanInput> inputs;
    private final Planner planner = new Planner(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Setup
    public void fleet() {
        inputs = new ArrayList<>(vms);
        int every = changedPercent == 0 ? Integer.MAX_VALUE : 100 / changedPercent;
        for (int i = 0; i < vms; i++) {
            inputs.add(vm(i, i % every == every - 1));
        }
    }

    @Benchmark
    public Plan diffAndPlan() {
        return planner.plan(SOURCE, inputs);
    }

    private static PlanInput vm(int i, boolean drifted) {
        VmRef ref = VmRef.of("lab", String.format("vm-%05d", i));
        List<DesiredNic> desired = new ArrayList<>();
        List<LiveNic> live = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String name = "n" + n;
            NetworkRef bridge = NetworkRef.named("bridge", "br-" + n);
            MacAddress mac = MacAddress.parse(String.format("52:54:00:%02x:%02x:%02x", i >> 8 & 0xff, i & 0xff, n));
            desired.add(new DesiredNic(name, bridge, null, "virtio", mac, LinkState.UP, Presence.PRESENT, true, null));
            NicSpec spec = new NicSpec(name, mac, bridge, "virtio", null, LinkState.UP, null);
            NicSpec running = !drifted ? spec
                    : n == 1 ? spec.withLink(LinkState.DOWN)
                    : n == 2 ? spec.withNetwork(NetworkRef.named("bridge", "br-other")) : spec;
            live.add(new LiveNic(name, mac, running, spec, "0000:00:0" + (3 + n) + ".0"));
        }
        LiveVm observed = new LiveVm(ref, PowerState.RUNNING, "pc-i440fx-7.2", live, HotplugCapacity.slots(20, "bench"),
                new Fingerprint("bench-" + i));
        return new PlanInput(new DesiredVm(ref, UnmanagedPolicy.IGNORE, desired), observed, LIBVIRT_LIKE);
    }
}
