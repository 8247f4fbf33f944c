package io.nicsync.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.nicsync.loop.PlanSession;
import io.nicsync.loop.Selection;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One measured process of the scale benchmark (bench/scale.sh starts each in a fresh JVM, so that each peak RSS
 * is its own). Prints {@code key=value} lines for the script.
 *
 * <ul>
 *   <li>{@code raw DIR N}: the floor: read the desired-state files from Git, one LIST of VMs and one of VMIs;
 *       no parsing, no diffing.
 *   <li>{@code session DIR N}: a {@link PlanSession}'s first plan (Git read, parse, validation, observe (one LIST
 *       of each kind), diff, plan); a second, which waits for the watches the first started; a third with
 *       nothing changed; a fourth after 1% of the files were changed in a new commit and another 1% of the VMs
 *       were changed live.
 *   <li>{@code next-commit DIR N}: commits a change to 1% of the files (other files than the session changes) and
 *       keeps it as {@code refs/bench/next}, leaving {@code main} where it was: the commit a warm plan plans after
 *       the plan of {@code main} filled the cache.
 * </ul>
 */
public final class ScaleRun {
    private static final ResourceDefinitionContext VM = kind("VirtualMachine", "virtualmachines");
    private static final ResourceDefinitionContext VMI = kind("VirtualMachineInstance", "virtualmachineinstances");
    /** Lets the watches deliver the live changes before the incremental plan is timed. */
    private static final long WATCH_SETTLE_MS = 2000;

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        int count = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "raw" -> raw(dir);
            case "session" -> session(dir, count);
            case "next-commit" -> {
                Path repo = dir.resolve("repo");
                int changed = Fleet.changeDesired(repo, count, 100, 1, "down");
                Fleet.git(repo, "update-ref", "refs/bench/next", "HEAD");
                Fleet.git(repo, "reset", "-q", "--hard", "HEAD~1");
                System.out.println("next_commit_files=" + changed);
            }
            default -> throw new IllegalArgumentException("raw, session or next-commit, not " + args[0]);
        }
        System.out.println("peak_rss_kib=" + peakRssKib());
    }

    private static void raw(Path dir) throws Exception {
        long t0 = System.nanoTime();
        Snapshot snapshot = GitSource.read(SourceSpec.of(dir.resolve("repo").toString()));
        int objects;
        try (KubernetesClient client = client(dir)) {
            objects = client.genericKubernetesResources(VM).inAnyNamespace().list().getItems().size()
                    + client.genericKubernetesResources(VMI).inAnyNamespace().list().getItems().size();
        }
        System.out.println("raw_ms=" + ms(t0));
        System.out.println("raw_files=" + snapshot.files().size() + " raw_objects=" + objects);
    }

    private static void session(Path dir, int count) throws Exception {
        Path repo = dir.resolve("repo");
        long t0 = System.nanoTime();
        // nicsync.yaml names the simulated cluster's kubeconfig, which the operator (this bench) allows
        TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(List.of(),
                List.of(dir.resolve("kubeconfig").toString())));
        try (PlanSession session = PlanSession.open(SourceSpec.of(repo.toString()), Plugins.installed(),
                Selection.ALL, allowed, Clock.systemUTC())) {
            Plan full = session.plan();
            System.out.println("full_ms=" + ms(t0));
            System.out.println("full_vms=" + full.vms().size() + " full_steps=" + full.steps().size());

            // the second plan waits for the watches the first one started to have listed: a loop's next cycle,
            // minutes later, finds them running
            long t1 = System.nanoTime();
            session.plan();
            System.out.println("watches_ms=" + ms(t1));

            t1 = System.nanoTime();
            Plan same = session.plan();
            System.out.println("nochange_ms=" + ms(t1));
            System.out.println("nochange_steps=" + same.steps().size());

            int step = 100; // 1%
            int files = Fleet.changeDesired(repo, count, step, 0, "down");
            int live = changeLive(dir, count, step, step / 2, "blue");
            Thread.sleep(WATCH_SETTLE_MS);
            long t2 = System.nanoTime();
            Plan changed = session.plan();
            System.out.println("changed_ms=" + ms(t2));
            System.out.println("changed_files=" + files + " changed_live=" + live + " changed_vms_with_steps="
                    + vmsWithSteps(changed) + " files_reused=" + session.filesReused());
            // as it was, for the next run
            Fleet.changeDesired(repo, count, step, 0, "up");
            changeLive(dir, count, step, step / 2, "red");
        }
    }

    /** Moves NIC n2 of every {@code step}-th VM to another NAD, as someone editing the VMs by hand would. */
    private static int changeLive(Path dir, int count, int step, int offset, String nad) throws IOException {
        int changed = 0;
        try (KubernetesClient client = client(dir)) {
            for (int i = offset; i < count; i += step) {
                client.genericKubernetesResources(VM).inNamespace(Fleet.NAMESPACE).withName(Fleet.name(i))
                        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":"
                                + "\"/spec/template/spec/networks/2/multus/networkName\",\"value\":\"" + nad + "\"}]");
                changed++;
            }
        }
        return changed;
    }

    private static int vmsWithSteps(Plan plan) {
        Set<String> vms = new TreeSet<>();
        for (Step s : plan.steps()) {
            vms.add(s.vm().toString());
        }
        return vms.size();
    }

    private static KubernetesClient client(Path dir) throws IOException {
        Config config = Config.fromKubeconfig(ScaleCluster.CONTEXT, Files.readString(dir.resolve("kubeconfig")), null);
        // one LIST of 10,000 objects, unpaged, can take the simulated server longer than the default 10 s when its
        // own garbage collection runs: the floor waits for it rather than failing the run
        config.setRequestTimeout(60_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The process's peak resident set (VmHWM), as /usr/bin/time reports it. */
    static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static ResourceDefinitionContext kind(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kubevirt.io").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
