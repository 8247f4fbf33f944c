package io.nicsync.plugin.ovirt.sim;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made at test time, as an engine's own (engine-setup makes one and signs the web server's
 * certificate with it), with the JDK's keytool: the CA's certificate is what a target's {@code caFile} names; the
 * engine's certificate names {@code localhost} and {@code 127.0.0.1}.
 */
public final class TestPki {
    private static final String PASSWORD = "simulated";
    private static TestPki shared;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** One CA for every simulated engine of this JVM. */
    public static synchronized TestPki shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("nicsync-ovirt-pki");
            dir.toFile().deleteOnExit();
            shared = make(dir);
        }
        return shared;
    }

    /** Makes the CA and the engine's certificate in {@code dir}. */
    public static TestPki make(Path dir) throws Exception {
        Files.createDirectories(dir);
        String ca = dir.resolve("ca.p12").toString();
        String engine = dir.resolve("engine.p12").toString();
        keytool("-genkeypair", "-keystore", ca, "-alias", "ca", "-keyalg", "EC", "-dname", "CN=nicsync test engine CA",
                "-ext", "bc:c", "-validity", "30");
        keytool("-exportcert", "-rfc", "-keystore", ca, "-alias", "ca", "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-keystore", engine, "-alias", "engine", "-keyalg", "EC", "-dname", "CN=localhost",
                "-validity", "30");
        keytool("-certreq", "-keystore", engine, "-alias", "engine", "-file", dir.resolve("engine.csr").toString());
        keytool("-gencert", "-rfc", "-keystore", ca, "-alias", "ca", "-infile", dir.resolve("engine.csr").toString(),
                "-outfile", dir.resolve("engine.pem").toString(), "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "30");
        keytool("-importcert", "-noprompt", "-keystore", engine, "-alias", "ca", "-file",
                dir.resolve("ca.pem").toString());
        keytool("-importcert", "-keystore", engine, "-alias", "engine", "-file", dir.resolve("engine.pem").toString());
        return new TestPki(dir);
    }

    /** The CA's certificate, PEM: what verifies the engine. */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("engine.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), args[0], "-storepass", PASSWORD, "-storetype", "PKCS12"));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": " + out);
        }
    }
}
