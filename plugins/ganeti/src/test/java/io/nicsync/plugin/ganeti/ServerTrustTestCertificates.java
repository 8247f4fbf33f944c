package io.nicsync.plugin.ganeti;

import java.nio.file.Path;
import java.util.List;

/** Self-signed certificates made with the JDK's keytool, as Ganeti makes its own. */
final class ServerTrustTestCertificates {
    private ServerTrustTestCertificates() {
    }

    static void write(Path dir, String dname, Path pem) throws Exception {
        Path store = dir.resolve(pem.getFileName() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "c",
                "-keyalg", "EC", "-dname", dname, "-validity", "30"));
        run(List.of(keytool, "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit",
                "-alias", "c", "-file", pem.toString()));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(command + ": " + out);
        }
    }
}
