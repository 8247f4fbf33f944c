package io.nicsync.bench;

import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The live side of the scale benchmark, as its own process so that its memory is not the measured one's: the
 * simulated KubeVirt cluster (fabric8's mock API server in CRUD mode and the simulator) at KubeVirt v1.6 (the
 * benchmark's change is a NIC's link state, which needs v1.5) with N running VMs ({@link Fleet}), a kubeconfig for it, and the matching desired-state repository. Prints {@code ready} once
 * everything is there and runs until its standard input closes.
 *
 * <p>Usage: {@code ScaleCluster N DIR}: writes {@code DIR/kubeconfig} and the repository {@code DIR/repo}.
 */
public final class ScaleCluster {
    static final String CONTEXT = "bench";

    private ScaleCluster() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        long t0 = System.nanoTime();
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            for (String nad : Fleet.NADS) {
                cluster.sim().createNad(Fleet.NAMESPACE, nad);
            }
            for (int i = 0; i < count; i++) {
                cluster.sim().createVm(Fleet.vm(i));
                cluster.sim().start(Fleet.NAMESPACE, Fleet.name(i));
            }
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, cluster.kubeconfig(CONTEXT));
            Fleet.writeRepository(dir.resolve("repo"), count, kubeconfig);
            System.out.printf("seeded %d running VMs (VM, VMI, launcher pod each) and the repository in %d ms%n",
                    count, (System.nanoTime() - t0) / 1_000_000);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our standard input
            }
        }
    }
}
