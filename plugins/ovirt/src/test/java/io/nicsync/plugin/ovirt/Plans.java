package io.nicsync.plugin.ovirt;

import io.nicsync.apply.Applier;
import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Presence;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnmanagedPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Plans made by nicsync's own planner from what the plugin observes, and applied step by step as the applier does. */
final class Plans {
    private static final DesiredSource SOURCE = new DesiredSource("/t", "0".repeat(40), "test", "HEAD", "");

    private Plans() {
    }

    static DesiredNic nic(String name, String network, String model) {
        return new DesiredNic(name, Networks.profile(network, network), null, model, null, LinkState.UP,
                Presence.PRESENT, true, null);
    }

    static DesiredNic absent(String name, String network) {
        return new DesiredNic(name, Networks.profile(network, network), null, null, null, LinkState.UP,
                Presence.ABSENT, true, null);
    }

    static Plan plan(OvirtLab lab, String vm, DesiredNic... nics) throws TargetException {
        DesiredVm desired = new DesiredVm(OvirtLab.vm(vm), UnmanagedPolicy.IGNORE, List.of(nics));
        return new Planner(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).plan(SOURCE,
                List.of(new PlanInput(desired, lab.observe(vm), lab.target.capabilities())));
    }

    /** Every step, each verified; then the plan of the same desired state is empty. */
    static void apply(OvirtLab lab, Plan plan) throws TargetException {
        for (Step step : plan.steps()) {
            lab.apply(step);
        }
    }

    /** The plan applied by nicsync's applier, on the lab's clock: a failed step rolls its VM back. */
    static ApplyReport applyRollingBack(OvirtLab lab, Plan plan) throws InterruptedException {
        var options = new ApplyOptions(4, 10, FailurePolicy.ROLLBACK, Duration.ofSeconds(60), true);
        return new Applier(Map.of(OvirtLab.TARGET, lab.target), options, new ApplyListener() { }, lab.time,
                lab.time.sleeper::sleep).apply(plan.steps());
    }
}
