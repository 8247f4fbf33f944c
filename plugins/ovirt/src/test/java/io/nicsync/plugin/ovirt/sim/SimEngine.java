package io.nicsync.plugin.ovirt.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.w3c.dom.Element;

/**
 * A simulated oVirt engine: an HTTPS server on loopback that speaks the Engine API v4 as the official SDK uses it, the
 * SSO token endpoint, {@code /ovirt-engine/api} in XML and the SSO logout, with the engine's NIC rules
 * ({@link NicRules}) behind it. Every document it takes and gives is checked against the published API model
 * ({@link ModelCheck}); {@link #modelProblems} lists what departed from it, and a request body that departs is refused
 * as the engine refuses a malformed one.
 *
 * <p>A real engine cannot run here: it is packaged for EL8/EL9 only, needs WildFly and PostgreSQL, and a running VM
 * needs a VDSM host with storage. What the engine learns from its hosts (whether VDSM plugs a device, whether the
 * guest releases it, what the guest agent reports) is set on the {@link EngineState} by the test.
 */
public final class SimEngine implements AutoCloseable {
    private static final String SSO_TOKEN = "/ovirt-engine/sso/oauth/token";
    private static final String SSO_LOGOUT = "/ovirt-engine/services/sso-logout";
    /** The simulator's own control, for a test in another process: not part of any engine. */
    private static final String CONTROL = "/sim/";

    final EngineState state;
    final NicRules rules;
    private final Api api;
    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Set<String> tokens = new HashSet<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Path caFile;
    private final SecureRandom random = new SecureRandom();
    private volatile long writeLatencyMillis;
    private volatile long loginLatencyMillis;
    private volatile long answerDelayMillis;
    private final Set<String> cutShort = Collections.synchronizedSet(new HashSet<>());

    private SimEngine(EngineState state, TestPki pki, int port) throws Exception {
        this.state = state;
        this.rules = new NicRules(state);
        this.api = new Api(state, rules);
        this.caFile = pki.caFile();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts an engine holding {@code state} on a free loopback port, with a certificate of {@code pki}. */
    public static SimEngine start(EngineState state, TestPki pki) throws Exception {
        return start(state, pki, 0);
    }

    static SimEngine start(EngineState state, TestPki pki, int port) throws Exception {
        return new SimEngine(state, pki, port);
    }

    /** The API's URL, as a target's {@code url} names it. */
    public String url() {
        return "https://localhost:" + server.getAddress().getPort() + Documents.API;
    }

    /** The CA file that verifies the engine's certificate. */
    public Path caFile() {
        return caFile;
    }

    /** Every departure from the API model seen in a request or an answer so far. */
    public List<String> modelProblems() {
        return List.copyOf(problems);
    }

    /** VDSM fails its next call {@code code} (ACTIVATE_NIC_FAILED, DEACTIVATE_NIC_FAILED, UPDATE_VNIC_FAILED) for the VM. */
    public void failNext(String vm, String code) {
        synchronized (state) {
            rules.failNext(state.vmByName(vm).orElseThrow(), code);
        }
    }

    /** Changes the engine's contents, under its lock. */
    public void change(java.util.function.Consumer<EngineState> change) {
        synchronized (state) {
            change.accept(state);
        }
    }

    /** How long each changing request takes from now on: a slow engine, VDSM and the guest taking their time. */
    public void writeLatency(java.time.Duration latency) {
        writeLatencyMillis = latency.toMillis();
    }

    /**
     * How long each changing request's answer takes from now on, the change being made at once: an answer lost on a
     * slow network, or a proxy that holds it.
     */
    public void answerDelay(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    /** The next answer to {@code GET path} breaks off half-way, as a dropped connection leaves it. */
    public void cutShortNext(String path) {
        cutShort.add(path);
    }

    /** How long the SSO takes to answer a login from now on. */
    public void loginLatency(java.time.Duration latency) {
        loginLatencyMillis = latency.toMillis();
    }

    /**
     * Every SSO token given so far expires (the engine's session timeout): the API answers 401 to them, and the SDK
     * logs in again.
     */
    public void expireTokens() {
        synchronized (state) {
            tokens.clear();
        }
    }

    /** The requests answered so far, as {@code METHOD path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            byte[] body = x.getRequestBody().readAllBytes();
            requests.add(x.getRequestMethod() + " " + path);
            if (path.equals(SSO_TOKEN) && x.getRequestMethod().equals("POST")) {
                pause(loginLatencyMillis);
                json(x, token(form(body)));
            } else if (path.equals(SSO_LOGOUT) && x.getRequestMethod().equals("POST")) {
                synchronized (state) {
                    tokens.remove(form(body).get("token"));
                }
                json(x, 200, "{}");
            } else if (path.startsWith(CONTROL)) {
                control(x, path.substring(CONTROL.length()));
            } else if (path.startsWith(Documents.API)) {
                api(x, path.substring(Documents.API.length()), body);
            } else {
                x.sendResponseHeaders(404, -1);
            }
        }
    }

    /**
     * {@code GET /sim/nics/VM}: one line per NIC of the VM ({@code name mac interface network/profile linked plugged});
     * {@code GET /sim/ids/VM}: one line per NIC of the VM ({@code name id}, the engine's id);
     * {@code GET /sim/vm/VM}: its status; {@code GET /sim/problems}: the departures from the API model so far;
     * {@code POST /sim/latency/MS}: how long each changing request takes from now on.
     */
    private void control(HttpExchange x, String what) throws IOException {
        String[] parts = what.split("/", 2);
        StringBuilder out = new StringBuilder();
        synchronized (state) {
            switch (parts[0]) {
                case "nics" -> state.vmByName(parts[1]).ifPresent(vm -> vm.nics.forEach(n -> out.append(n.name)
                        .append(' ').append(n.mac).append(' ').append(n.iface).append(' ').append(profileName(n))
                        .append(' ').append(n.linked).append(' ').append(n.plugged).append('\n')));
                case "ids" -> state.vmByName(parts[1]).ifPresent(vm -> vm.nics.forEach(n -> out.append(n.name)
                        .append(' ').append(n.id).append('\n')));
                case "vm" -> state.vmByName(parts[1]).ifPresent(vm -> out.append(vm.status).append('\n'));
                case "problems" -> problems.forEach(p -> out.append(p).append('\n'));
                case "latency" -> writeLatencyMillis = Long.parseLong(parts[1]);
                default -> {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/plain");
        x.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(bytes);
            }
        }
    }

    private String profileName(EngineState.Nic nic) {
        if (nic.profileId == null) {
            return "<empty>";
        }
        EngineState.Profile p = state.profiles.get(nic.profileId);
        return p == null ? nic.profileId : state.networks.get(p.networkId()).name() + "/" + p.name();
    }

    private void api(HttpExchange x, String path, byte[] body) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        synchronized (state) {
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
                x.sendResponseHeaders(401, -1);
                return;
            }
        }
        Element request = null;
        Api.Answer answer;
        try {
            if (body.length > 0) {
                request = Xml.parse(body);
                // a request is one object of the model, named as its type: <nic> for vm_nics.add and
                // vm_nic.update, <action> for the actions (ModelCheck.input says the same of each method)
                List<String> wrong = check(request, ModelCheck.Expect.of(request.getTagName()),
                        "request " + x.getRequestMethod() + " " + path);
                if (!wrong.isEmpty()) {
                    throw EngineFault.badRequest(String.join("; ", wrong));
                }
            }
            if (!x.getRequestMethod().equals("GET")) {
                pause(writeLatencyMillis); // a slow engine: VDSM and the guest take their time
            }
            synchronized (state) {
                answer = api.handle(new Api.Request(x.getRequestMethod(), path, query(x), request));
            }
            if (!x.getRequestMethod().equals("GET")) {
                pause(answerDelayMillis);
            }
            if (request != null && !ModelCheck.load().input(answer.service(), answer.method()).element()
                    .equals(request.getTagName())) {
                problems.add("request " + x.getRequestMethod() + " " + path + ": <" + request.getTagName()
                        + "> is not what " + answer.service() + "." + answer.method() + " takes");
            }
        } catch (EngineFault f) {
            xml(x, f.status, f.status == 404 ? null : Documents.fault(f), ModelCheck.Expect.of("fault"), path);
            return;
        } catch (IllegalArgumentException e) {
            xml(x, 400, Documents.fault(EngineFault.badRequest(e.getMessage())), ModelCheck.Expect.of("fault"), path);
            return;
        }
        if (x.getRequestMethod().equals("GET") && cutShort.remove(Documents.API + path) && answer.body() != null) {
            byte[] whole = Xml.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/xml;charset=UTF-8");
            x.sendResponseHeaders(answer.status(), whole.length / 2);
            try (OutputStream out = x.getResponseBody()) {
                out.write(whole, 0, whole.length / 2);
            }
            return;
        }
        xml(x, answer.status(), answer.body(), answer.body() == null ? null
                : ModelCheck.load().output(answer.service(), answer.method()), path);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void xml(HttpExchange x, int status, Element body, ModelCheck.Expect expect, String path)
            throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        check(body, expect, "answer " + status + " to " + path);
        byte[] bytes = Xml.write(body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/xml;charset=UTF-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Checks a document against the model, keeping what departs from it. */
    private List<String> check(Element root, ModelCheck.Expect expect, String where) {
        List<String> found = ModelCheck.load().check(root, expect);
        found.forEach(p -> problems.add(where + ": " + p));
        return found;
    }

    /** The SSO's password grant, as ovirt-engine's SSO answers the SDK (scope ovirt-app-api). */
    private String token(Map<String, String> form) {
        synchronized (state) {
            String user = form.get("username");
            if (!"password".equals(form.get("grant_type")) || !"ovirt-app-api".equals(form.get("scope"))) {
                return "{\"error_code\": \"invalid_request\", \"error\": \"the SDK asks grant_type=password,"
                        + " scope=ovirt-app-api\"}";
            }
            if (user == null || !form.get("password").equals(state.users.get(user))) {
                return "{\"error_code\": \"access_denied\", \"error\": \"Cannot authenticate user '" + user
                        + "': The username or password is incorrect..\"}";
            }
            String token = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            tokens.add(token);
            return "{\"access_token\": \"" + token + "\", \"scope\": \"ovirt-app-api\", \"exp\": \""
                    + (System.currentTimeMillis() + 3_600_000) + "\", \"token_type\": \"bearer\"}";
        }
    }

    private static void json(HttpExchange x, String body) throws IOException {
        json(x, body.contains("\"error\"") ? 400 : 200, body);
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(byte[] body) {
        return decode(new String(body, StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(HttpExchange x) {
        String q = x.getRequestURI().getRawQuery();
        return q == null ? Map.of() : decode(q);
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
