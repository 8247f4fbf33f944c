package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local libvirt lab ({@code scripts/lab.sh up}), reached through the {@code virsh} and {@code ip}
 * clients: what the suite reads through them is independent of the plugin under test. A missing lab fails
 * a test with the command that fixes it; it never skips one.
 */
final class Lab {
    static final String URI = "qemu:///system";
    static final String BRIDGE = "br-lab0";
    static final String OTHER_BRIDGE = "br-lab1";
    static final String NETWORK = "lab";
    static final Path DIR = Path.of(System.getenv().getOrDefault("NICSYNC_LAB_DIR", "/var/lib/nicsync-lab"));

    private Lab() {
    }

    static void require() {
        String missing = null;
        if (!bridgeExists(BRIDGE) || !bridgeExists(OTHER_BRIDGE)) {
            missing = "bridges " + BRIDGE + " and " + OTHER_BRIDGE;
        } else if (!Files.isRegularFile(DIR.resolve("vmlinuz")) || !Files.isRegularFile(DIR.resolve("initrd.cpio.gz"))) {
            missing = "kernel and initramfs in " + DIR;
        } else {
            Result net = run("virsh", "-q", "-c", URI, "net-info", NETWORK);
            if (net.code() != 0 || !net.out().matches("(?s).*Active:\\s*yes.*")) {
                missing = "libvirtd on " + URI + " with an active network " + NETWORK + " (" + net.out().strip() + ")";
            }
        }
        if (missing != null) {
            fail("the libvirt lab is not up: no " + missing + ". Run `scripts/lab.sh up` as root first.");
        }
    }

    static boolean bridgeExists(String name) {
        return Files.isDirectory(Path.of("/sys/class/net", name, "bridge"));
    }

    /** {@code virsh} on the lab; fails the test when virsh does. */
    static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", URI));
        command.addAll(List.of(args));
        return check(run(command.toArray(String[]::new)), command);
    }

    /** {@code ip}, for bridges of a test's own. */
    static String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        return check(run(command.toArray(String[]::new)), command);
    }

    record Result(int code, String out) {
    }

    static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String check(Result r, List<String> command) {
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + r.code() + "): " + r.out());
        }
        return r.out();
    }
}
