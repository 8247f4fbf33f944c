package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * The Ganeti lab of {@code plugins/ganeti/lab/ganeti.sh up}, as its {@code rapi.env} describes it. Integration tests call
 * {@link #require()} first: a missing lab fails them with the command that fixes it; it never skips them.
 *
 * <p>What the tests check goes around the code under test: Ganeti's view through the lab script's own RAPI call
 * (curl inside the namespace), QEMU's view through the instance's QMP socket, the guest's view on its console, and
 * the bridges' view in the namespace.
 */
final class GanetiLab {
    static final Path STATE = Path.of(System.getenv().getOrDefault("NICSYNC_GANETI_STATE", "/var/lib/nicsync-ganeti"));
    private static final Path KVM_RUN = Path.of("/var/run/ganeti/kvm-hypervisor");
    private static Map<String, String> env;

    private GanetiLab() {
    }

    static synchronized Map<String, String> env() {
        if (env == null) {
            Path file = STATE.resolve("rapi.env");
            if (!Files.isRegularFile(file)) {
                fail("the Ganeti lab is not up: no " + file + ". Run `plugins/ganeti/lab/ganeti.sh up` as root first.");
            }
            Map<String, String> values = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        values.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                fail("cannot read " + file + ": " + e.getMessage());
            }
            env = values;
        }
        return env;
    }

    static String get(String key) {
        String value = env().get("NICSYNC_GANETI_" + key);
        if (value == null || value.isEmpty()) {
            fail("the Ganeti lab's rapi.env has no NICSYNC_GANETI_" + key + ": run `plugins/ganeti/lab/ganeti.sh up` again");
        }
        return value;
    }

    static void require() {
        get("RAPI_HOST_URL");
        try {
            rapi("GET", "/2/info", null);
        } catch (AssertionError e) {
            fail("the Ganeti lab does not answer: " + e.getMessage() + ". Run `plugins/ganeti/lab/ganeti.sh up` as root.");
        }
    }

    /** The target settings that reach the lab from this host: the loopback forwarder, the lab's CA. */
    static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("rapi", get("RAPI_HOST_URL"));
        s.put("caFile", get("RAPI_CA"));
        s.put("tlsName", get("RAPI_CERT_HOSTNAME"));
        s.put("user", get("RAPI_USER"));
        s.put("passwordFile", get("RAPI_PASSWORD_FILE"));
        return s;
    }

    /** The plugin's target on the lab, found through ServiceLoader as the application finds it. */
    static Target open() throws TargetException {
        return open(settings());
    }

    static Target open(Map<String, String> settings) throws TargetException {
        TargetPlugin plugin = ServiceLoader.load(TargetPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.kind().equals("ganeti")).findFirst()
                .orElseThrow(() -> new AssertionError("ganeti plugin not registered"));
        return plugin.open(new TargetConfig("gnt", "ganeti", settings));
    }

    // ------------------------------------------------------------------ Ganeti's view, through the lab's own curl

    /** One RAPI call through {@code plugins/ganeti/lab/ganeti.sh rapi}: curl inside the namespace, certificate checked. */
    static JsonNode rapi(String method, String path, String body) {
        List<String> command = new ArrayList<>(List.of(script().toString(), "rapi", method, path));
        if (body != null) {
            command.add(body);
        }
        String out = run(command, Duration.ofSeconds(60));
        try {
            return Json.MAPPER.readTree(out);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered no JSON: " + out, e);
        }
    }

    /** A change through the lab's RAPI call, followed to its end. */
    static JsonNode job(String method, String path, String body) {
        long id = rapi(method, path, body).asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = rapi("GET", "/2/jobs/" + id, null);
            String status = job.path("status").asText();
            if (status.equals("success")) {
                return job;
            }
            if (status.equals("error") || status.equals("canceled")) {
                throw new AssertionError(method + " " + path + ": job " + id + " " + status + ": " + job.path("opresult"));
            }
            sleep(200);
        }
        throw new AssertionError(method + " " + path + ": job " + id + " did not end in 3 minutes");
    }

    /** Ganeti's own record of an instance ({@code GET /2/instances/NAME}). */
    static JsonNode instance(String name) {
        return rapi("GET", "/2/instances/" + name, null);
    }

    static List<String> tags(String name) {
        return Json.texts(rapi("GET", "/2/instances/" + name + "/tags", null));
    }

    // -------------------------------------------------------------------------------- QEMU's view, through QMP

    /** The ids of the NIC devices QEMU has on its PCI bus ({@code query-pci}), to the slot each sits in. */
    static Map<String, Integer> qemuNics(String instance) {
        JsonNode buses = qmp(instance, "query-pci");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonNode bus : buses) {
            for (JsonNode device : bus.path("devices")) {
                String id = device.path("qdev_id").asText();
                if (id.startsWith("nic-")) {
                    out.put(id, device.path("slot").asInt());
                }
            }
        }
        return out;
    }

    /** QEMU's device id of a NIC: {@code nic-} and its UUID without the last two groups (Ganeti's rule). */
    static String deviceId(String nicUuid) {
        return "nic-" + nicUuid.substring(0, nicUuid.lastIndexOf('-', nicUuid.lastIndexOf('-') - 1));
    }

    private static JsonNode qmp(String instance, String command) {
        Path socket = KVM_RUN.resolve("ctrl").resolve(instance + ".qmp");
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            QmpLines lines = new QmpLines(channel);
            lines.next(); // greeting
            lines.send("{\"execute\": \"qmp_capabilities\"}");
            lines.answer();
            lines.send("{\"execute\": \"" + command + "\"}");
            return lines.answer().path("return");
        } catch (IOException e) {
            throw new AssertionError("QMP " + command + " on " + socket + ": " + e.getMessage(), e);
        }
    }

    private static final class QmpLines {
        private final SocketChannel channel;
        private final StringBuilder pending = new StringBuilder();

        QmpLines(SocketChannel channel) {
            this.channel = channel;
        }

        void send(String json) throws IOException {
            channel.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
        }

        /** The next answer, skipping asynchronous events. */
        JsonNode answer() throws IOException {
            while (true) {
                JsonNode line = next();
                if (line.has("return") || line.has("error")) {
                    return line;
                }
            }
        }

        JsonNode next() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (pending.indexOf("\n") < 0) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    throw new IOException("QMP closed the connection");
                }
                pending.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
            }
            int nl = pending.indexOf("\n");
            String line = pending.substring(0, nl);
            pending.delete(0, nl + 1);
            return Json.MAPPER.readTree(line);
        }
    }

    // ------------------------------------------------------------------- the guest's and the bridges' views

    /** The guest's last report of its NICs on its console ({@code nicsync-ganeti-guest-nics: eth0=MAC ...}). */
    static List<String> guestMacs(String instance) {
        Path console = Path.of(get("CONSOLE_DIR")).resolve(instance + ".log");
        String last = null;
        try {
            for (String line : Files.readAllLines(console, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("nicsync-ganeti-guest-nics:")) {
                    last = line;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<String> macs = new ArrayList<>();
        if (last != null) {
            for (String nic : last.substring(last.indexOf(':') + 1).trim().split(" ")) {
                if (nic.contains("=")) {
                    macs.add(nic.substring(nic.indexOf('=') + 1));
                }
            }
        }
        return macs;
    }

    static boolean guestReady(String instance) {
        try {
            return Files.readString(Path.of(get("CONSOLE_DIR")).resolve(instance + ".log"),
                    StandardCharsets.ISO_8859_1).contains("nicsync-ganeti-guest-ready");
        } catch (IOException e) {
            return false;
        }
    }

    /** The bridge the tap of the instance's NIC number {@code index} is enslaved to, in the lab's namespace. */
    static String bridgeOfNic(String instance, int index) {
        try {
            String tap = Files.readString(KVM_RUN.resolve("nic").resolve(instance).resolve(String.valueOf(index))).trim();
            String master = run(List.of("ip", "-n", get("NETNS"), "-o", "link", "show", "dev", tap),
                    Duration.ofSeconds(10));
            int at = master.indexOf(" master ");
            return at < 0 ? null : master.substring(at + 8).split(" ")[0];
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits until {@code condition} holds, or fails saying what did not happen. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            sleep(250);
        }
    }

    static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("plugins/ganeti/lab/ganeti.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("plugins/ganeti/lab/ganeti.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("plugins/ganeti/lab/ganeti.sh");
    }

    private static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " took longer than " + timeout);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + p.exitValue() + "): "
                        + new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(command + ": interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
