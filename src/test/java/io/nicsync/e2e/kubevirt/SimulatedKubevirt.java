package io.nicsync.e2e.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.plugin.kubevirt.sim.Simulator;
import io.nicsync.plugin.kubevirt.sim.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The simulated KubeVirt cluster of the plugin's tests, reached by the nicsync command line as a user's
 * cluster is: through a kubeconfig file and context. It holds the VM {@code prod/web-01} (pod network and NAD
 * {@code blue}) and the NADs {@code blue}, {@code red} and {@code green}.
 *
 * <p>Set the cluster up first, then {@link #connect}: from then on KubeVirt's controllers run on the real
 * clock, because the command line waits with it. Closing checks every object the command line wrote
 * against KubeVirt's OpenAPI definitions.
 */
public final class SimulatedKubevirt implements AutoCloseable {
    public static final String NAMESPACE = "prod";
    public static final String VM = "web-01";
    /** The kubeconfig context nicsync.yaml names. */
    public static final String CONTEXT = "sim-admin";
    /** Short, so that a step the command line polls for every second sees several passes of KubeVirt. */
    private static final Duration TICK = Duration.ofMillis(100);

    private final SimCluster cluster;
    private Ticker ticker;
    private Path kubeconfig;

    private SimulatedKubevirt(SimConfig config) {
        cluster = SimCluster.start(config);
    }

    /** A cluster of the given release with the NADs and web-01, stopped. */
    public static SimulatedKubevirt start(SimConfig config) {
        return start(config, Fixtures.web01());
    }

    /** A cluster of the given release with the NADs and {@code web01}, a version of web-01, stopped. */
    public static SimulatedKubevirt start(SimConfig config, ObjectNode web01) {
        SimulatedKubevirt kubevirt = new SimulatedKubevirt(config);
        for (String nad : List.of("blue", "red", "green")) {
            kubevirt.sim().createNad(NAMESPACE, nad);
        }
        kubevirt.sim().createVm(web01);
        return kubevirt;
    }

    public SimulatedKubevirt running() {
        sim().start(NAMESPACE, VM);
        return this;
    }

    /**
     * Writes a kubeconfig file for the mock API server into {@code dir}, for the target's {@code kubeconfig}
     * setting, and starts KubeVirt's controllers on the real clock.
     */
    public SimulatedKubevirt connect(Path dir) {
        kubeconfig = dir.resolve("kubeconfig");
        try {
            Files.writeString(kubeconfig, cluster.kubeconfig(CONTEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ticker = Ticker.start(sim(), TICK);
        return this;
    }

    /** The kubeconfig file {@link #connect} wrote. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    public Simulator sim() {
        return cluster.sim();
    }

    public SimCluster cluster() {
        return cluster;
    }

    public ObjectNode vm() {
        return sim().vm(NAMESPACE, VM);
    }

    public ObjectNode vmi() {
        return sim().vmi(NAMESPACE, VM);
    }

    /** The template's interface {@code nic}, or a missing node. */
    public JsonNode templateInterface(String nic) {
        return named(vm().at("/spec/template/spec/domain/devices/interfaces"), nic);
    }

    public JsonNode templateNetwork(String nic) {
        return named(vm().at("/spec/template/spec/networks"), nic);
    }

    public JsonNode vmiInterface(String nic) {
        return named(vmi().at("/spec/domain/devices/interfaces"), nic);
    }

    /** The VMI's {@code status.interfaces} entry of {@code nic}, or a missing node. */
    public JsonNode vmiStatus(String nic) {
        return named(vmi().at("/status/interfaces"), nic);
    }

    /** The VMI status says the guest has the NIC: virt-handler reports it from the domain. */
    public boolean attached(String nic) {
        return vmiStatus(nic).path("infoSource").asText().contains("domain");
    }

    /**
     * Waits until KubeVirt's controllers made {@code condition} true, for what they do after nicsync returned
     * (deleting an {@code absent} entry); fails naming {@code what} after a few seconds.
     */
    public void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the simulated KubeVirt did not " + what + " within 10 s");
            }
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting to " + what, e);
            }
        }
    }

    /**
     * Sets the link of the template's interface {@code nic} as someone editing the VM by hand would, outside
     * nicsync: drift. KubeVirt (1.5 and later) carries it to the running VM.
     */
    public void editLink(String nic, String state) {
        JsonNode interfaces = vm().at("/spec/template/spec/domain/devices/interfaces");
        for (int i = 0; i < interfaces.size(); i++) {
            if (nic.equals(interfaces.get(i).path("name").asText())) {
                String patch = "[{\"op\":\"add\",\"path\":\"/spec/template/spec/domain/devices/interfaces/" + i
                        + "/state\",\"value\":\"" + state + "\"}]";
                cluster.client().genericKubernetesResources("kubevirt.io/v1", "VirtualMachine").inNamespace(NAMESPACE)
                        .withName(VM).patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON), patch);
                return;
            }
        }
        throw new AssertionError("web-01's template has no interface " + nic);
    }

    /**
     * Restarts web-01 as {@code virtctl restart} does, through virt-api's restart subresource, and waits until
     * KubeVirt runs it again from its template.
     */
    public void restart() {
        String before = vmi().at("/metadata/uid").asText();
        String uri = cluster.client().getMasterUrl().toString().replaceAll("/$", "")
                + "/apis/subresources.kubevirt.io/v1/namespaces/" + NAMESPACE + "/virtualmachines/" + VM + "/restart";
        cluster.client().raw(uri, "PUT", "{}");
        await("start web-01 again", () -> {
            ObjectNode now = vmi(); // read once: the old VMI may go between two reads
            return now != null && !before.equals(now.at("/metadata/uid").asText())
                    && "Running".equals(now.at("/status/phase").asText());
        });
    }

    /** The link of {@code nic} as the running VM reports it: up, down, or "" when it has no such interface. */
    public String liveLink(String nic) {
        return vmiStatus(nic).path("linkState").asText("");
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode element : array) {
            if (name.equals(element.path("name").asText())) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    @Override
    public void close() {
        try {
            if (ticker != null) {
                ticker.close();
            }
        } finally {
            try {
                cluster.writes().assertAllValid();
            } finally {
                cluster.close();
            }
        }
    }
}
