package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.fail;

import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * The local lab that {@code scripts/lab.sh up} provides: libvirtd with QEMU on {@code qemu:///system}, the
 * bridges br-lab0 and br-lab1, the libvirt network {@code lab}, a kernel and an initramfs. Integration
 * tests call {@link #require()} first: a missing lab fails them with the command that fixes it; it never
 * skips them.
 */
final class Lab {
    static final String URI = "qemu:///system";
    static final String BRIDGE = "br-lab0";
    static final String OTHER_BRIDGE = "br-lab1";
    static final String NETWORK = "lab";
    static final Path DIR = Path.of(System.getenv().getOrDefault("NICSYNC_LAB_DIR", "/var/lib/nicsync-lab"));
    static final Path TEMPLATES = repoRoot().resolve("scripts/lab");

    private Lab() {
    }

    static void require() {
        try {
            QuietErrors.install(); // the tests' own connections report errors as exceptions, like the plugin's
        } catch (LibvirtException e) {
            fail("libvirt-java cannot talk to libvirt at all: " + e.getMessage());
        }
        String missing = null;
        if (!Files.isDirectory(Path.of("/sys/class/net", BRIDGE, "bridge"))
                || !Files.isDirectory(Path.of("/sys/class/net", OTHER_BRIDGE, "bridge"))) {
            missing = "bridges " + BRIDGE + " and " + OTHER_BRIDGE;
        } else if (!Files.isRegularFile(DIR.resolve("vmlinuz")) || !Files.isRegularFile(DIR.resolve("initrd.cpio.gz"))) {
            missing = "kernel and initramfs in " + DIR;
        } else {
            try (Independent c = new Independent()) {
                if (c.connect().networkLookupByName(NETWORK).isActive() != 1) {
                    missing = "an active libvirt network " + NETWORK;
                }
            } catch (LibvirtException e) {
                missing = "libvirtd on " + URI + " with network " + NETWORK + " (" + e.getMessage() + ")";
            }
        }
        if (missing != null) {
            fail("the libvirt lab is not up: no " + missing + ". Run `scripts/lab.sh up` as root first.");
        }
    }

    /** The plugin's target on the lab, found through ServiceLoader as the application finds it. */
    static Target open() throws TargetException {
        TargetPlugin plugin = ServiceLoader.load(TargetPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.kind().equals("libvirt"))
                .findFirst().orElseThrow(() -> new AssertionError("libvirt plugin not registered"));
        return plugin.open(new TargetConfig("lab", "libvirt", Map.of("uri", URI)));
    }

    static String template(String file) {
        try {
            return Files.readString(TEMPLATES.resolve(file));
        } catch (IOException e) {
            throw new AssertionError("lab template " + file + " not readable under " + TEMPLATES, e);
        }
    }

    /** Failsafe runs in the module directory, two levels below the repository root. */
    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scripts/lab"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("scripts/lab not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A libvirt connection of the test's own, so that checks do not go through the code under test. */
    static final class Independent implements AutoCloseable {
        private final Connect connect;

        Independent() throws LibvirtException {
            this.connect = new Connect(URI);
        }

        Connect connect() {
            return connect;
        }

        String liveXml(String domain) throws LibvirtException {
            return connect.domainLookupByName(domain).getXMLDesc(0);
        }

        String persistentXml(String domain) throws LibvirtException {
            return connect.domainLookupByName(domain).getXMLDesc(org.libvirt.Domain.XMLFlags.INACTIVE);
        }

        DomainXml live(String domain) throws LibvirtException {
            return DomainXml.parse(liveXml(domain));
        }

        DomainXml persistent(String domain) throws LibvirtException {
            return DomainXml.parse(persistentXml(domain));
        }

        @Override
        public void close() {
            try {
                connect.close();
            } catch (LibvirtException ignored) {
                // the test is over either way
            }
        }
    }
}
