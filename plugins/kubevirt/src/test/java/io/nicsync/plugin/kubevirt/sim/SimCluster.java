package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A KubeVirt cluster for tests: fabric8's mock API server in CRUD mode serving KubeVirt's and multus'
 * resources, the {@link Simulator} playing KubeVirt's controllers, and the {@link WriteLog} of everything the
 * client under test wrote, checked against the OpenAPI definitions of the simulated release.
 */
public final class SimCluster implements AutoCloseable {
    /** The mock server logs every request at INFO; kept here so the level holds. */
    private static final Logger MOCK_SERVER_LOG = quiet(Logger.getLogger("io.fabric8.mockwebserver"));
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final KubernetesClient controllers;
    private final SimDispatcher dispatcher;
    private final Simulator sim;
    private final WriteLog writes;

    private SimCluster(SimConfig config) {
        writes = new WriteLog(config.declarative() ? KubevirtSchemas.main() : KubevirtSchemas.v1_0());
        dispatcher = new SimDispatcher(config, writes);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
        Config marked = new ConfigBuilder(client.getConfiguration())
                .withCustomHeaders(Map.of(SimDispatcher.CONTROLLER_HEADER, "virt-controller"))
                .build();
        controllers = new KubernetesClientBuilder().withConfig(marked).build();
        sim = new Simulator(config, new Store(controllers), new LauncherPods(controllers));
        installKubevirt(config);
    }

    public static SimCluster start(SimConfig config) {
        return new SimCluster(config);
    }

    /** The client for the code under test. */
    public KubernetesClient client() {
        return client;
    }

    /** A kubeconfig file's text that reaches this cluster's API server under {@code context}, as a user's would. */
    public String kubeconfig(String context) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %s
                clusters:
                - name: sim
                  cluster: {server: "%s"}
                users:
                - name: admin
                  user: {token: not-a-secret}
                contexts:
                - name: %s
                  context: {cluster: sim, user: admin}
                """.formatted(context, client.getMasterUrl(), context);
    }

    /**
     * A client for writers other than the code under test (a person, another controller): its requests are
     * neither told to {@link RequestTap} listeners nor checked as the plugin's writes.
     */
    public KubernetesClient someoneElse() {
        return controllers;
    }

    public Simulator sim() {
        return sim;
    }

    public WriteLog writes() {
        return writes;
    }

    /**
     * Before each of the next {@code n} patches of a VirtualMachine by the client, another writer changes it,
     * so that the patch's resourceVersion test fails (422).
     */
    public void interfereWithNextPatches(int n) {
        dispatcher.interfereWithNextPatches(n, false);
    }

    /** As {@link #interfereWithNextPatches}, answered 409 Conflict as under write contention. */
    public void contendWithNextPatches(int n) {
        dispatcher.interfereWithNextPatches(n, true);
    }

    private void installKubevirt(SimConfig config) {
        ObjectNode kv = Json.MAPPER.createObjectNode();
        ObjectNode meta = kv.putObject("metadata");
        meta.put("name", "kubevirt");
        meta.put("namespace", "kubevirt");
        ObjectNode configuration = Json.obj(kv, "spec", "configuration");
        if (config.hotplugGate()) {
            Json.arr(configuration, "developerConfiguration", "featureGates").add("HotplugNICs");
        }
        if (config.nadRefGate() && config.minor() == 8) {
            Json.arr(configuration, "developerConfiguration", "featureGates").add("LiveUpdateNADRef");
        }
        if (!config.podBinding().equals("bridge")) {
            Json.obj(configuration, "network").put("defaultNetworkInterface", config.podBinding());
        }
        if (config.minor() >= 2) {
            configuration.put("vmRolloutStrategy", config.liveUpdateRollout() ? "LiveUpdate" : "Stage");
        }
        if (config.liveMigrateUpdates()) {
            Json.arr(kv, "spec", "workloadUpdateStrategy", "workloadUpdateMethods").add("LiveMigrate");
        }
        ObjectNode status = kv.putObject("status");
        status.put("phase", "Deployed");
        status.put("observedKubeVirtVersion", config.version());
        status.put("targetKubeVirtVersion", config.version());
        new Store(controllers).create(Kinds.KUBEVIRT, kv);
        if (config.dynamicNetworks()) {
            controllers.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder()
                    .withNewMetadata().withName("dynamic-networks-controller-ds")
                    .addToLabels("app", "dynamic-networks-controller").endMetadata()
                    .build()).create();
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    @Override
    public void close() {
        controllers.close();
        client.close();
        server.destroy();
    }
}
