package io.nicsync.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode for the replicas of an election: each replica gets a client of its
 * own, marked so that the server can cut it off (every request answered 503, as when its node loses the
 * network) and can record what each replica asked.
 */
public final class LeaseServer implements AutoCloseable {
    private static final String REPLICA_HEADER = "X-Nicsync-Replica";
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    /** One request as the API server saw it. */
    public record Request(String replica, String method, String path) {
    }

    private final KubernetesMockServer server;
    private final KubernetesClient admin;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final Set<String> cutOff = new HashSet<>();
    private final List<Request> requests = new ArrayList<>();

    public LeaseServer() {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new Recording(new KubernetesCrudDispatcher()), false);
        server.init();
        admin = server.createClient();
    }

    /** A client for one replica. */
    public synchronized KubernetesClient client(String replica) {
        Config marked = new ConfigBuilder(admin.getConfiguration())
                .withCustomHeaders(Map.of(REPLICA_HEADER, replica))
                .build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(marked).build();
        clients.add(client);
        return client;
    }

    public synchronized void cutOff(String replica) {
        cutOff.add(replica);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The holder the Lease names now, or null. */
    public String holder(String namespace, String lease) {
        Lease l = admin.leases().inNamespace(namespace).withName(lease).get();
        return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
    }

    private final class Recording extends Dispatcher {
        private final Dispatcher crud;

        Recording(Dispatcher crud) {
            this.crud = crud;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String replica = request.getHeader(REPLICA_HEADER);
            synchronized (LeaseServer.this) {
                if (replica == null) {
                    return crud.dispatch(request);
                }
                if (cutOff.contains(replica)) {
                    return new MockResponse().setResponseCode(503).setBody("unreachable");
                }
                requests.add(new Request(replica, request.getMethod(), request.getPath()));
            }
            return crud.dispatch(request);
        }
    }

    @Override
    public synchronized void close() {
        clients.forEach(KubernetesClient::close);
        admin.close();
        server.destroy();
    }
}
