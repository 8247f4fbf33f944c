package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.Applier;
import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.apply.VmResult;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.PlanNote;
import io.nicsync.plan.Planner;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Step;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Validation;
import io.nicsync.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * nicsync's own validator, planner, preflight and applier run against a {@link Lab}, as {@code nicsync plan} and
 * {@code nicsync apply} run them, with the applier waiting on the lab's clock so that KubeVirt's passes come as it
 * polls.
 */
final class PlanAndApply {
    private static final String CONFIG = """
            apiVersion: nicsync.io/v1alpha1
            kind: Config
            targets:
              - name: lab
                kind: kubevirt
                context: sim
            """;
    private static final DesiredSource SOURCE = new DesiredSource("/matrix", "0".repeat(40), "test", "HEAD", "");

    private final Lab lab;
    private final DesiredVm desired;

    PlanAndApply(Lab lab, String vmNics) {
        this.lab = lab;
        Validation validation = new Validator(Plugins.of(List.of(new KubevirtPlugin()))).validate(List.of(
                new SourceFile("nicsync.yaml", CONFIG.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("prod/web-01.yaml", vmNics.getBytes(StandardCharsets.UTF_8))), "");
        assertThat(validation.errors()).as("the desired state validates:%n%s", vmNics).extracting(Diagnostic::format)
                .isEmpty();
        this.desired = validation.state().vm(Lab.WEB01).orElseThrow();
    }

    /** The plan of web-01 as it is now; its preflight found nothing that would fail. */
    Plan plan() throws Exception {
        Plan plan = new Planner(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).plan(SOURCE,
                List.of(new PlanInput(desired, lab.observe(), lab.target.capabilities())));
        assertThat(lab.target.preflight(plan.steps())).as("preflight of %s", plan.steps()).isEmpty();
        return plan;
    }

    /** Applies {@code plan}, rolling back a VM whose step fails; the result for web-01. */
    VmResult apply(Plan plan, boolean allowRestart) throws InterruptedException {
        Applier applier = new Applier(Map.of("lab", lab.target),
                new ApplyOptions(1, 1, FailurePolicy.ROLLBACK, Duration.ofMinutes(5), allowRestart),
                new ApplyListener() { }, lab.pacer, lab.pacer::sleep);
        ApplyReport report = applier.apply(plan.steps());
        return report.vms().isEmpty() ? null : report.vms().get(0);
    }

    static List<String> warnings(Plan plan) {
        return plan.notes().stream().filter(n -> n.level() == PlanNote.Level.WARNING).map(PlanNote::text).toList();
    }

    static boolean restarts(List<Step> steps) {
        return steps.stream().anyMatch(RestartRequired.class::isInstance);
    }
}
