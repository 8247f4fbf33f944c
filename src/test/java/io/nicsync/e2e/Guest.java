package io.nicsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A throwaway guest defined from a lab template under a unique {@code it-e2e-*} name (which
 * {@code scripts/lab.sh down} also removes should a killed run leave it behind) and removed on close.
 */
final class Guest implements AutoCloseable {
    enum Kind {
        /** Debian kernel: acknowledges unplug once it printed the ready line. */
        KERNEL("kernel-guest.xml"),
        /** No OS: takes hotplug, never acknowledges an unplug. */
        NOOS("noos-guest.xml");

        final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    private static final String READY = "nicsync-lab-guest-ready";
    private static final Duration BOOT = Duration.ofSeconds(180);

    final String name;
    final Kind kind;
    private final Path console;

    private Guest(Kind kind) {
        this.kind = kind;
        this.name = "it-e2e-" + kind.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.console = Lab.DIR.resolve(name + ".console");
    }

    /**
     * Defines and starts one guest of each kind given, all at once, and waits until the kernel guests can
     * answer hotplug events: under TCG a boot takes seconds, so boots overlap.
     */
    static List<Guest> started(Kind... kinds) throws Exception {
        List<Guest> guests = new ArrayList<>();
        try {
            for (Kind kind : kinds) {
                Guest g = new Guest(kind);
                g.define();
                guests.add(g);
                Lab.virsh("start", g.name);
            }
            for (Guest g : guests) {
                g.awaitReady();
            }
            return guests;
        } catch (Exception | AssertionError e) {
            closeAll(guests);
            throw e;
        }
    }

    /** Defines {@code count} guests of one kind, stopped: libvirt answers for each, and none costs a QEMU. */
    static List<Guest> defined(Kind kind, int count) throws IOException {
        List<Guest> guests = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Guest g = new Guest(kind);
                g.define();
                guests.add(g);
            }
            return guests;
        } catch (IOException | RuntimeException | Error e) {
            closeAll(guests);
            throw e;
        }
    }

    static void closeAll(List<Guest> guests) {
        for (Guest g : guests) {
            g.close();
        }
    }

    private void define() throws IOException {
        String xml = Files.readString(Project.root().resolve("scripts/lab").resolve(kind.template))
                .replace("@NAME@", name)
                .replace("@KERNEL@", Lab.DIR.resolve("vmlinuz").toString())
                .replace("@INITRD@", Lab.DIR.resolve("initrd.cpio.gz").toString())
                .replace("@CONSOLE@", console.toString())
                .replace("@BRIDGE@", Lab.BRIDGE);
        Path file = Files.createTempFile(name, ".xml");
        try {
            Files.writeString(file, xml);
            Lab.virsh("define", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        if (kind != Kind.KERNEL) {
            return;
        }
        Instant deadline = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(console) && Files.readString(console).contains(READY)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not boot within " + BOOT + " (no '" + READY + "' on " + console + ")");
    }

    /** The guest's NICs as libvirt has them now, read through virsh. */
    DomainNics nics() {
        return DomainNics.of(name);
    }

    /**
     * Stops the guest's QEMU process (SIGSTOP): libvirt still answers for the domain's XML, but a hotplug
     * waits on QEMU's monitor until {@link Frozen#close()} lets QEMU go on and the waiting change finish.
     * This holds an apply in the middle of a step for as long as a test needs.
     */
    Frozen freeze() {
        long pid = qemuPid();
        Lab.run("kill", "-STOP", Long.toString(pid));
        return new Frozen(pid);
    }

    final class Frozen implements AutoCloseable {
        private final long pid;

        private Frozen(long pid) {
            this.pid = pid;
        }

        /** Lets QEMU go on and waits until libvirt finished what was waiting on it. */
        @Override
        public void close() {
            Lab.run("kill", "-CONT", Long.toString(pid));
            // A monitor command queues behind the domain's running job, so its answer means that job is over.
            Lab.virsh("qemu-monitor-command", name, "--hmp", "info status");
        }
    }

    private long qemuPid() {
        try {
            return Long.parseLong(Files.readString(Path.of("/run/libvirt/qemu", name + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for the QEMU of " + name, e);
        }
    }

    @Override
    public void close() {
        Lab.run("virsh", "-q", "-c", Lab.URI, "destroy", name);
        Lab.run("virsh", "-q", "-c", Lab.URI, "undefine", name);
        try {
            Files.deleteIfExists(console);
        } catch (IOException e) {
            // the console file is only a log; the guest itself is gone
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
