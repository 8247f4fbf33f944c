package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.e2e.kubevirt.SimulatedKubevirt;
import io.nicsync.loop.InvalidDesiredStateException;
import io.nicsync.loop.MissingVmsException;
import io.nicsync.loop.PlanSession;
import io.nicsync.loop.Selection;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.Diagnostic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link PlanSession} planning again and again, as a long-running loop does, against a real Git repository and
 * the simulated KubeVirt cluster, which it watches instead of listing: whatever changes between two plans (a
 * pushed file, a deleted or renamed one, a VM changed or deleted live) shows in the next plan.
 */
class PlanSessionIT {
    private static final int VMS = 12; // more than Observation looks up one by one: the target is listed/watched
    private static final ResourceDefinitionContext VM_KIND = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachine").withPlural("virtualmachines")
            .withNamespaced(true).build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;
    private SimulatedKubevirt kubevirt;
    private GitRepos git;
    private PlanSession session;

    @BeforeEach
    void fleet() {
        // v1.5: the first release with link state, which the change below needs
        kubevirt = SimulatedKubevirt.start(SimConfig.v1(5));
        for (int i = 2; i <= VMS; i++) {
            ObjectNode vm = Fixtures.web01();
            ((ObjectNode) vm.get("metadata")).put("name", name(i));
            kubevirt.sim().createVm(vm);
        }
        kubevirt.sim().start(SimulatedKubevirt.NAMESPACE, name(2));
        kubevirt.sim().settle();
        kubevirt.connect(dir);
        git = GitRepos.create(dir);
        git.write("nicsync.yaml", DesiredState.config(kubevirt.kubeconfig()));
        for (int i = 1; i <= VMS; i++) {
            git.write("prod/" + name(i) + ".yaml", vm(name(i), "up"));
        }
        git.commitAndPush("fleet");
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        kubevirt.close();
    }

    @Test
    void aPushedChangeShowsAndOnlyTheChangedFileIsReadAgain() throws Exception {
        session = open();
        assertThat(session.plan().noChanges()).isTrue();
        assertThat(session.plan().noChanges()).isTrue();
        int reused = session.filesReused(); // the first plan may take files an earlier process checked, too
        Plan same = session.plan();
        // nothing moved: every VM's plan is the one before's, none diffed again
        assertThat(session.vmsReused()).isEqualTo(VMS);
        assertThat(same.noChanges()).isTrue();
        assertThat(same.vms()).hasSize(VMS);

        git.write("prod/" + name(5) + ".yaml", vm(name(5), "down"));
        git.commitAndPush("web-05: blue down");
        Plan plan = session.plan();

        assertThat(vmsWithSteps(plan)).containsOnly(name(5));
        assertThat(session.filesReused() - reused).isEqualTo(VMS); // nicsync.yaml and every VM file but web-05's
        assertThat(session.vmsReused()).isEqualTo(VMS - 1); // web-05's desired state is new: planned again

        Plan again = session.plan();
        assertThat(vmsWithSteps(again)).containsOnly(name(5)); // a kept plan keeps its steps
        assertThat(again.steps()).isEqualTo(plan.steps());
        assertThat(session.vmsReused()).isEqualTo(VMS);
    }

    @Test
    void aDeletedFileTakesItsVmOutOfThePlanAndARenamedOneStaysIn() throws Exception {
        session = open();
        assertThat(session.plan().vms()).hasSize(VMS);

        GitRepos.git(git.work, "rm", "-q", "prod/" + name(3) + ".yaml");
        GitRepos.git(git.work, "mv", "prod/" + name(4) + ".yaml", "prod/" + name(4) + "-renamed.yaml");
        git.commitAndPush("web-03 no longer managed, web-04's file renamed");
        Plan plan = session.plan();

        assertThat(plan.vms()).extracting(v -> v.vm().name()).doesNotContain(name(3)).contains(name(4))
                .hasSize(VMS - 1);
        assertThat(plan.noChanges()).isTrue();
    }

    @Test
    void aRenamedFileWithAnErrorIsReportedUnderItsNewPath() throws Exception {
        session = open();
        git.write("prod/" + name(6) + ".yaml", vm(name(6), "sideways"));
        git.commitAndPush("web-06: a typo");
        assertThatThrownBy(session::plan).isInstanceOfSatisfying(InvalidDesiredStateException.class, e ->
                assertThat(e.diagnostics()).extracting(Diagnostic::file).contains("prod/" + name(6) + ".yaml"));

        GitRepos.git(git.work, "mv", "prod/" + name(6) + ".yaml", "prod/moved.yaml");
        git.commitAndPush("web-06: file moved");

        assertThatThrownBy(session::plan).isInstanceOfSatisfying(InvalidDesiredStateException.class, e ->
                assertThat(e.diagnostics()).extracting(Diagnostic::file).containsOnly("prod/moved.yaml"));
    }

    @Test
    void aVmChangedLiveShowsInTheNextPlan() throws Exception {
        session = open();
        assertThat(session.plan().noChanges()).isTrue();

        // someone moves web-07's NIC blue to NAD red behind nicsync's back
        kubevirt.cluster().client().genericKubernetesResources(VM_KIND).inNamespace(SimulatedKubevirt.NAMESPACE)
                .withName(name(7)).patch(PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/networks/1/multus/networkName\",\"value\":\"red\"}]");

        Plan plan = awaitPlan(p -> !p.noChanges());
        assertThat(vmsWithSteps(plan)).containsOnly(name(7));
        assertThat(session.vmsReused()).isEqualTo(VMS - 1); // web-07 read again, and planned again
    }

    @Test
    void aVmDeletedLiveIsMissingFromTheNextPlan() throws Exception {
        session = open();
        assertThat(session.plan().vms()).hasSize(VMS);

        kubevirt.cluster().client().genericKubernetesResources(VM_KIND).inNamespace(SimulatedKubevirt.NAMESPACE)
                .withName(name(8)).delete();

        MissingVmsException missing = awaitMissing();
        assertThat(missing.missing()).containsExactly(new VmRef("sim", SimulatedKubevirt.NAMESPACE, name(8)));
    }

    private PlanSession open() throws Exception {
        return PlanSession.open(SourceSpec.of(git.url()).withCacheDir(dir.resolve("cache")), Plugins.installed(),
                Selection.ALL, TargetOverrides.NONE.allowing(new OperatorAllows(List.of(),
                        List.of(kubevirt.kubeconfig().toString()))), CLOCK);
    }

    /** A live change reaches the session through a watch, a few milliseconds after it was made. */
    private Plan awaitPlan(java.util.function.Predicate<Plan> done) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Plan plan = session.plan();
        while (!done.test(plan) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            plan = session.plan();
        }
        return plan;
    }

    private MissingVmsException awaitMissing() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                session.plan();
            } catch (MissingVmsException e) {
                return e;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the deleted VM never went missing from the plans");
    }

    private static java.util.Set<String> vmsWithSteps(Plan plan) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Step step : plan.steps()) {
            names.add(step.vm().name());
        }
        return names;
    }

    private static String name(int i) {
        return String.format("web-%02d", i);
    }

    private static String vm(String name, String blueLink) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: %s, namespace: %s, target: sim}
                spec:
                  nics:
                    - name: default
                      network: {pod: {}}
                      binding: masquerade
                    - name: blue
                      network: {multus: blue}
                      binding: bridge
                      link: %s
                """.formatted(name, SimulatedKubevirt.NAMESPACE, blueLink);
    }
}
