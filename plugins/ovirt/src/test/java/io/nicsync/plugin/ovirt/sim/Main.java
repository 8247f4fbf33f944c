package io.nicsync.plugin.ovirt.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The simulated engine as a process of its own, for the command-line end-to-end test
 * ({@code src/test/cli/end-to-end.sh}): {@code Main DIR [PORT]} makes a CA and the engine's certificate in
 * {@code DIR/pki}, starts the engine with the usual contents ({@link Fixtures}) on loopback, writes the user's
 * password to {@code DIR/password} and what a target needs to {@code DIR/engine.env}, and runs until it is killed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        TestPki pki = TestPki.make(dir.resolve("pki"));
        SimEngine engine = SimEngine.start(Fixtures.standard(), pki, port);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        Path password = Files.writeString(dir.resolve("password"), Fixtures.PASSWORD + "\n");
        String sim = engine.url().replace("/ovirt-engine/api", "");
        Path env = dir.resolve("engine.env.tmp");
        Files.writeString(env, "OVIRT_URL=" + engine.url() + "\nOVIRT_CA=" + engine.caFile() + "\nOVIRT_USER="
                + Fixtures.USER + "\nOVIRT_PASSWORD_FILE=" + password + "\nOVIRT_SIM=" + sim + "/sim\n");
        Files.move(env, dir.resolve("engine.env"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("simulated oVirt engine at " + engine.url());
        new CountDownLatch(1).await();
    }
}
