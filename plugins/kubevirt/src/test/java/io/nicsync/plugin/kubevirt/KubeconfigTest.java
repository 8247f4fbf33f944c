package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a target through the plugin as nicsync does: a kubeconfig file and context, the hotplug setting. */
class KubeconfigTest {

    private static String kubeconfig(String labUrl) {
        return """
                apiVersion: v1
                kind: Config
                current-context: elsewhere
                clusters:
                - name: lab
                  cluster: {server: "%s"}
                - name: elsewhere
                  cluster: {server: "http://127.0.0.1:9"}
                users:
                - name: admin
                  user: {token: not-a-secret}
                contexts:
                - name: lab-admin
                  context: {cluster: lab, user: admin}
                - name: elsewhere
                  context: {cluster: elsewhere, user: admin}
                """.formatted(labUrl);
    }

    @Test
    void theNamedContextIsUsedAndTheHotplugSettingHonoured(@TempDir Path dir) throws Exception {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            cluster.sim().createVm(Fixtures.web01());
            String url = cluster.client().getMasterUrl().toString();
            Path file = Files.writeString(dir.resolve("config"), kubeconfig(url));
            String previous = System.setProperty("kubeconfig", file.toString());
            try (Target target = new KubevirtPlugin().open(new TargetConfig("prod", "kubevirt",
                    Map.of("context", "lab-admin", "hotplug", "migration")))) {
                assertThat(target.observeAll()).singleElement()
                        .satisfies(vm -> assertThat(vm.ref().toString()).isEqualTo("prod/prod/web-01"));
                assertThat(target.capabilities().hotplugMode()).isEqualTo(HotplugMode.MIGRATION);
            } finally {
                if (previous == null) {
                    System.clearProperty("kubeconfig");
                } else {
                    System.setProperty("kubeconfig", previous);
                }
            }
        }
    }

    @Test
    void theKubeconfigSettingNamesTheFileWithoutTouchingTheEnvironment(@TempDir Path dir) throws Exception {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            cluster.sim().createVm(Fixtures.web01());
            Path file = Files.writeString(dir.resolve("lab.yaml"), kubeconfig(cluster.client().getMasterUrl().toString()));
            try (Target target = new KubevirtPlugin().open(new TargetConfig("prod", "kubevirt",
                    Map.of("kubeconfig", file.toString(), "context", "lab-admin")))) {
                assertThat(target.observeAll()).singleElement()
                        .satisfies(vm -> assertThat(vm.ref().toString()).isEqualTo("prod/prod/web-01"));
            }
        }
    }

    @Test
    void aKubeconfigFileThatIsNotThereIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("nosuch.yaml").toString();
        assertThatThrownBy(() -> new KubevirtPlugin().open(
                new TargetConfig("prod", "kubevirt", Map.of("kubeconfig", missing))))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("target prod: kubeconfig " + missing + ": no such file");
    }

    @Test
    void anUnknownHotplugSettingIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> new KubevirtPlugin().open(
                new TargetConfig("prod", "kubevirt", Map.of("hotplug", "sometimes"))))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("sometimes");
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsRefusedNotReplacedByTheCurrentOne(@TempDir Path dir) throws Exception {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6));
                AutoCloseable tap = RequestTap.listen(request -> requests.incrementAndGet())) {
            // the current context reaches a real cluster: fabric8 alone would fall back to it
            Path file = Files.writeString(dir.resolve("config"), cluster.kubeconfig("sim-admin"));
            assertThatThrownBy(() -> new KubevirtPlugin().open(new TargetConfig("prod", "kubevirt",
                    Map.of("kubeconfig", file.toString(), "context", "prod-admin"))))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("target prod: context \"prod-admin\" does not exist in kubeconfig " + file
                            + " (contexts: sim-admin)")
                    .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(Reason.NOT_FOUND));
            assertThat(requests).hasValue(0);
        }
    }

    @Test
    void anEndpointThatRefusesNamesTheServerAndTheCause(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("config"), kubeconfig("https://127.0.0.1:" + closed));
        assertThatThrownBy(() -> new KubevirtPlugin().open(new TargetConfig("prod", "kubevirt",
                Map.of("kubeconfig", file.toString(), "context", "lab-admin"))))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("target prod (https://127.0.0.1:" + closed + "): reading the KubeVirt CR: "
                        + "no answer from the API server: ")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void aServerThatKeepsFailingIsAskedTwiceMoreNotTenTimes(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            Path file = Files.writeString(dir.resolve("config"),
                    kubeconfig("http://127.0.0.1:" + server.getAddress().getPort()));
            assertThatThrownBy(() -> new KubevirtPlugin().open(new TargetConfig("prod", "kubevirt",
                    Map.of("kubeconfig", file.toString(), "context", "lab-admin"))))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("HTTP 503");
            assertThat(requests).hasValue(3);
        } finally {
            server.stop(0);
        }
    }

    private final AtomicInteger requests = new AtomicInteger();
}
