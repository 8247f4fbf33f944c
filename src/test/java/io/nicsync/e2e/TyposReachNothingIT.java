package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A typo in a selection or a context never reaches a cluster: {@code bin/nicsync} refuses it, naming what exists,
 * and the simulated API server sees no request at all.
 */
class TyposReachNothingIT extends KubevirtScenarioIT {
    private final List<RequestTap.Request> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clusterWithWeb01() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(DesiredState.bridgeNic("red", "red"));
    }

    @Test
    void aTargetThatMatchesNothingIsAnErrorNamingTheTargets() throws Exception {
        for (String command : List.of("plan", "apply")) {
            Cli run = counted(command, "--target", "sin");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).as(command)
                    .isEqualTo("nicsync: error: no desired VM matches --target sin (targets: sim; did you mean sim?)\n");
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void aVmThatMatchesNothingIsAnErrorNamingTheVms() throws Exception {
        Cli run = counted("plan", "--vm", "web-1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("nicsync: error: no desired VM matches --vm web-1 (VMs: sim/prod/web-01;"
                + " did you mean web-01?)\n");
        // one good value and one typo is still a typo
        Cli mixed = counted("plan", "--vm", "web-01", "--vm", "web-1");
        assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(1);
        assertThat(mixed.out()).contains("no desired VM matches --vm web-1");
        assertThat(requests).isEmpty();
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsAnErrorNotTheCurrentContext() throws Exception {
        // the kubeconfig's current context reaches the cluster: kubectl refuses the missing one, so does nicsync
        git.write("nicsync.yaml", DesiredState.config(kubevirt.kubeconfig()).replace("context: sim-admin",
                "context: prod-admin"));
        git.commitAndPush("a context that is not there");
        Cli run = counted("plan");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("nicsync: error: target sim: context \"prod-admin\" does not exist in"
                + " kubeconfig " + kubevirt.kubeconfig() + " (contexts: sim-admin)\n");
        assertThat(requests).isEmpty();
    }

    /** The target, what was attempted, the cause; and the process has ended (within the launcher's timeout). */
    @Test
    void anEndpointThatRefusesIsNamedWithItsCauseAtOnce() throws Exception {
        int closed = closedPort();
        Path refused = dir.resolve("refused-kubeconfig");
        Files.writeString(refused, Files.readString(kubevirt.kubeconfig())
                .replaceAll("server: \"[^\"]+\"", "server: \"https://127.0.0.1:" + closed + "\""));
        git.write("nicsync.yaml", DesiredState.config(refused));
        git.commitAndPush("a cluster that is down");
        Cli run = counted("plan");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("nicsync: error: target sim (https://127.0.0.1:" + closed + "): reading the"
                + " KubeVirt CR: no answer from the API server: ").contains("Connection refused").hasLineCount(1);
    }

    /** As for KubeVirt, for a libvirt daemon that refuses: libvirt's own client library makes the connection. */
    @Test
    void aLibvirtEndpointThatRefusesIsNamedWithItsCauseAtOnce() throws Exception {
        int closed = closedPort();
        git.write("nicsync.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: lab
                    kind: libvirt
                    uri: qemu+tcp://127.0.0.1:%d/system
                """.formatted(closed));
        git.write("prod/web-01.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: web-01, target: lab}
                spec:
                  nics:
                    - name: uplink
                      network: {bridge: br0}
                """);
        git.commitAndPush("a hypervisor whose libvirtd is down");
        Cli run = counted("plan", "--allow-endpoint", "qemu+tcp://127.0.0.1:" + closed);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("nicsync: error: target lab: connecting to qemu+tcp://127.0.0.1:" + closed
                + "/system: ").contains("unable to connect to server at '127.0.0.1:" + closed + "': Connection refused")
                .hasLineCount(1);
    }

    @Test
    void theSelectionThatMatchesIsPlannedAsBefore() throws Exception {
        Cli run = counted("plan", "--target", "sim", "--vm", "prod/web-01");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("red").contains("Plan: 1 to add");
        assertThat(requests).isNotEmpty();
    }

    /** A loopback port nothing listens on: one the system just gave out and took back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Cli counted(String command, String... selection) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--repo", git.url()));
        if (command.equals("apply")) {
            args.addAll(List.of("--yes", "--state-dir", dir.resolve("state").toString()));
        }
        args.addAll(List.of(selection));
        try (AutoCloseable tap = RequestTap.listen(requests::add)) {
            return Launcher.run(Map.of("NICSYNC_ALLOW_FILES", allowedFiles()), dir.resolve(command + ".log"),
                    args.toArray(String[]::new));
        }
    }
}
