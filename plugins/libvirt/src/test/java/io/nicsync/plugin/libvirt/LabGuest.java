package io.nicsync.plugin.libvirt;

import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * A throwaway guest an integration test defines from a lab template under a unique name and removes when
 * it is done, so that no test depends on what another left behind.
 */
final class LabGuest implements AutoCloseable {
    enum Kind {
        /** i440fx, Debian kernel: acknowledges unplug. */
        KERNEL("kernel-guest.xml"),
        /** q35, same kernel, one spare pcie-root-port. */
        Q35("q35-guest.xml"),
        /** i440fx without an OS: never acknowledges unplug. */
        NOOS("noos-guest.xml");

        final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    private static final String READY = "nicsync-lab-guest-ready";
    private final Connect connect;
    private final Domain domain;
    private final String name;
    private final Path console;

    private LabGuest(Kind kind, boolean start) throws LibvirtException {
        this.name = "it-" + kind.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.console = Lab.DIR.resolve(name + ".console");
        String xml = Lab.template(kind.template)
                .replace("@NAME@", name)
                .replace("@KERNEL@", Lab.DIR.resolve("vmlinuz").toString())
                .replace("@INITRD@", Lab.DIR.resolve("initrd.cpio.gz").toString())
                .replace("@CONSOLE@", console.toString())
                .replace("@BRIDGE@", Lab.BRIDGE);
        this.connect = new Connect(Lab.URI);
        this.domain = connect.domainDefineXML(xml);
        if (start) {
            domain.create();
        }
    }

    /** Defined and started. */
    static LabGuest started(Kind kind) throws LibvirtException {
        return new LabGuest(kind, true);
    }

    /** Defined only. */
    static LabGuest defined(Kind kind) throws LibvirtException {
        return new LabGuest(kind, false);
    }

    /** Started and booted far enough to answer ACPI hotplug events (kernel guests only). */
    static LabGuest booted(Kind kind) throws Exception {
        LabGuest g = started(kind);
        g.awaitReady(Duration.ofSeconds(120));
        return g;
    }

    String name() {
        return name;
    }

    VmRef ref() {
        return VmRef.of("lab", name);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(console) && Files.readString(console).contains(READY)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not boot within " + timeout + " (no '" + READY + "' on " + console + ")");
    }

    @Override
    public void close() throws Exception {
        try {
            if (domain.isActive() == 1) {
                domain.destroy();
            }
            domain.undefine();
        } finally {
            connect.close();
            Files.deleteIfExists(console);
        }
    }
}
