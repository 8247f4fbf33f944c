import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Checks nicsync's OCI image tarball (scripts/image.sh): the layout, index and manifest are valid OCI and every
 * blob matches its digest; the config runs nicsync's main class with the image's java as a non-root user; the
 * layers hold the java binary, the shared libraries and every jar of the classpath. With --run ROOTFS (as
 * root) the layers are unpacked there and the entrypoint runs {@code --version} and {@code validate} in a chroot
 * as the image's user: the image's own JRE and libraries, nothing from this system.
 *
 * <p>Usage: {@code java -cp "reconciler/target/lib/*" scripts/image/CheckImage.java IMAGE.tar LIBDIR [--run DIR REPO]},
 * LIBDIR holding the jars nicsync runs with (reconciler/target/lib), each of which the image must have.
 */
public class CheckImage {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> files = tar(Files.newInputStream(Path.of(args[0])));
        JsonNode layout = json(files, "oci-layout");
        expect("1.0.0".equals(layout.path("imageLayoutVersion").asText()), "oci-layout: imageLayoutVersion 1.0.0");
        JsonNode index = json(files, "index.json");
        expect(index.path("schemaVersion").asInt() == 2, "index.json: schemaVersion 2");
        expect("application/vnd.oci.image.index.v1+json".equals(index.path("mediaType").asText()),
                "index.json: OCI index media type");
        expect(index.path("manifests").size() == 1, "index.json: one manifest");
        JsonNode manifest = JSON.readTree(blob(files, index.path("manifests").get(0)));
        expect("application/vnd.oci.image.manifest.v1+json".equals(manifest.path("mediaType").asText()),
                "manifest: OCI manifest media type");
        expect("application/vnd.oci.image.config.v1+json".equals(manifest.path("config").path("mediaType").asText()),
                "manifest: OCI config media type");
        JsonNode config = JSON.readTree(blob(files, manifest.path("config")));
        checkConfig(config);

        Map<String, Integer> modes = new LinkedHashMap<>();
        List<byte[]> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode layer : manifest.path("layers")) {
            expect(layer.path("mediaType").asText().equals("application/vnd.oci.image.layer.v1.tar+gzip"),
                    "layer " + i + ": gzip tar");
            byte[] tar = new GZIPInputStream(new ByteArrayInputStream(blob(files, layer))).readAllBytes();
            expect(("sha256:" + sha256(tar)).equals(config.path("rootfs").path("diff_ids").path(i).asText()),
                    "layer " + i + ": its diff_id in the config");
            modes.putAll(entries(tar));
            layers.add(tar);
            i++;
        }
        checkFiles(modes, layers, Path.of(args[1]));
        if (args.length == 5 && args[2].equals("--run")) {
            run(config, layers, Path.of(args[3]), args[4]);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("image: " + p));
            System.exit(1);
        }
        System.out.println("image ok: " + args[0] + " (" + modes.size() + " files, user "
                + config.path("config").path("User").asText() + ")");
    }

    static void checkConfig(JsonNode config) {
        expect(config.path("os").asText().equals("linux"), "config: os linux");
        String user = config.path("config").path("User").asText();
        expect(!user.isEmpty() && !user.split(":")[0].equals("0") && !user.startsWith("root"),
                "config: a non-root user, not '" + user + "'");
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        expect(!entrypoint.isEmpty() && entrypoint.get(0).equals("/opt/java/bin/java")
                && entrypoint.get(entrypoint.size() - 1).equals("io.nicsync.cli.Main")
                && entrypoint.contains("@/app/jib-classpath-file"),
                "config: entrypoint runs io.nicsync.cli.Main with /opt/java/bin/java, not " + entrypoint);
    }

    static void checkFiles(Map<String, Integer> modes, List<byte[]> layers, Path libs) throws IOException {
        expect((modes.getOrDefault("opt/java/bin/java", 0) & 0111) != 0, "/opt/java/bin/java, executable");
        expect(modes.containsKey("opt/java/lib/modules"), "/opt/java/lib/modules (the jlinked JRE)");
        for (String so : List.of("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6")) {
            expect(modes.containsKey(so), "/" + so);
        }
        String passwd = new String(file(layers, "etc/passwd"), StandardCharsets.UTF_8);
        expect(passwd.contains(":65532:65532:"), "/etc/passwd names the user 65532");
        String classpath = new String(file(layers, "app/jib-classpath-file"), StandardCharsets.UTF_8).trim();
        List<String> jars = List.of(classpath.split(":")).stream().filter(e -> e.endsWith(".jar")).toList();
        expect(jars.stream().anyMatch(j -> j.endsWith("/nicsync.jar")), "the classpath has nicsync.jar");
        for (String plugin : List.of("nicsync-plugin-kubevirt", "nicsync-plugin-libvirt", "nicsync-spi")) {
            expect(jars.stream().anyMatch(j -> j.contains("/" + plugin + "-")), "the classpath has " + plugin);
        }
        for (String jar : jars) {
            expect(modes.containsKey(jar.substring(1)), "classpath entry " + jar + " is in the image");
        }
        try (var needed = Files.list(libs)) {
            needed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(n ->
                    expect(jars.contains("/app/libs/" + n), n + " (nicsync's runtime classpath) is in the image"));
        }
    }

    /** Unpacks the layers into {@code dir} and runs the entrypoint there in a chroot, as the image's user. */
    static void run(JsonNode config, List<byte[]> layers, Path dir, String repo) throws Exception {
        for (byte[] layer : layers) {
            unpack(layer, dir);
        }
        Files.createDirectories(dir.resolve("proc"));
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        String user = config.path("config").path("User").asText();
        Map<String, String> env = new LinkedHashMap<>();
        config.path("config").path("Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        // in Kubernetes the home directory is an emptyDir the pod's fsGroup may write
        new ProcessBuilder("chown", "-R", user, dir.resolve(env.get("HOME").substring(1)).toString())
                .inheritIO().start().waitFor();
        for (List<String> command : List.of(List.of("--version"), List.of("validate", "--repo", repo))) {
            List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                    "--mount-proc=" + dir.resolve("proc"), "chroot", "--userspec=" + user, dir.toString()));
            argv.addAll(entrypoint);
            argv.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().put("PATH", env.get("PATH") + ":/usr/sbin:/usr/bin:/sbin:/bin");
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            System.out.print(out);
            expect(done && p.exitValue() == 0, "nicsync " + String.join(" ", command) + " in the image exits 0");
        }
    }

    static void unpack(byte[] tar, Path dir) throws IOException {
        forEach(tar, (name, mode, type, content) -> {
            Path target = dir.resolve(name);
            if (type == '5') {
                Files.createDirectories(target);
            } else if (type == '0' || type == 0) {
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            }
            if (type == '5' || type == '0' || type == 0) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(mode)));
            }
        });
    }

    interface Entry {
        void accept(String name, int mode, int type, byte[] content) throws IOException;
    }

    /** The entries of a tar (ustar, with PAX headers skipped), in order. */
    static void forEach(byte[] tar, Entry entry) throws IOException {
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            int mode = (int) octal(tar, at + 100, 8);
            long size = octal(tar, at + 124, 12);
            int type = tar[at + 156];
            byte[] content = java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + (int) size);
            if (type != 'x' && type != 'g') {
                String full = (prefix.isEmpty() ? name : prefix + "/" + name).replaceAll("^\\./", "")
                        .replaceAll("/$", "");
                entry.accept(full, mode, type, content);
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
    }

    static Map<String, byte[]> tar(InputStream in) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        forEach(in.readAllBytes(), (name, mode, type, content) -> files.put(name, content));
        return files;
    }

    static Map<String, Integer> entries(byte[] tar) throws IOException {
        Map<String, Integer> modes = new LinkedHashMap<>();
        forEach(tar, (name, mode, type, content) -> modes.put(name, mode));
        return modes;
    }

    static byte[] file(List<byte[]> layers, String name) throws IOException {
        byte[][] found = {null};
        for (byte[] layer : layers) {
            forEach(layer, (n, mode, type, content) -> {
                if (n.equals(name)) {
                    found[0] = content;
                }
            });
        }
        if (found[0] == null) {
            problems.add("/" + name + " missing");
            return new byte[0];
        }
        return found[0];
    }

    static byte[] blob(Map<String, byte[]> files, JsonNode descriptor) throws Exception {
        String digest = descriptor.path("digest").asText();
        byte[] content = files.get("blobs/" + digest.replace(':', '/'));
        if (content == null) {
            throw new IllegalStateException("blob " + digest + " missing");
        }
        expect(("sha256:" + sha256(content)).equals(digest), "blob " + digest + ": content matches its digest");
        expect(content.length == descriptor.path("size").asLong(), "blob " + digest + ": size");
        return content;
    }

    static JsonNode json(Map<String, byte[]> files, String name) throws IOException {
        byte[] content = files.get(name);
        if (content == null) {
            throw new IllegalStateException(name + " missing: not an OCI image layout");
        }
        return JSON.readTree(content);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static String field(byte[] b, int at, int length) {
        int end = at;
        while (end < at + length && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    static long octal(byte[] b, int at, int length) {
        String s = field(b, at, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    static String rwx(int mode) {
        String bits = "rwxrwxrwx";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            out.append((mode & (1 << (8 - i))) != 0 ? bits.charAt(i) : '-');
        }
        return out.toString();
    }

    static void expect(boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }
}
