package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.VmRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway instance an integration test creates on the lab cluster under a unique {@code it-*} name, through
 * the lab's own RAPI call, and removes when it is done, so that no test depends on what another left behind.
 * Diskless, 128 MiB, one NIC {@code eth0} on {@code gnt-br0}.
 */
final class LabInstance implements AutoCloseable {
    enum Kind {
        /** The Debian kernel and the lab's initramfs: answers ACPI, so it releases unplugged devices. */
        KERNEL,
        /** No kernel, SeaBIOS only: never releases an unplugged device. */
        NO_OS
    }

    private final String name;

    private LabInstance(String name) {
        this.name = name;
    }

    /** Created and started; a kernel guest is waited for until it answers hotplug events. */
    static LabInstance running(Kind kind) {
        return create(kind, true, Map.of());
    }

    static LabInstance stopped(Kind kind) {
        return create(kind, false, Map.of());
    }

    /** @param hvparams extra hypervisor parameters, such as {@code kvm_pci_reservations} */
    static LabInstance create(Kind kind, boolean start, Map<String, Object> hvparams) {
        String name = "it-" + kind.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".ganeti.test";
        Path console = Path.of(GanetiLab.get("CONSOLE_DIR")).resolve(name + ".log");
        ObjectNode body = Json.object().put("__version__", 1).put("mode", "create").put("name", name)
                .put("disk_template", "diskless").put("os_type", "noop").put("pnode", GanetiLab.get("NODE"))
                .put("name_check", false).put("ip_check", false).put("start", start);
        body.putArray("disks");
        body.putArray("nics").addObject().put("link", "gnt-br0").put("name", "eth0");
        body.putObject("beparams").put("memory", 128).put("vcpus", 1);
        ObjectNode hv = body.putObject("hvparams").put("kvm_extra", "-serial file:" + console);
        if (kind == Kind.NO_OS) {
            hv.put("kernel_path", "").put("initrd_path", "");
        }
        hvparams.forEach((k, v) -> hv.set(k, Json.MAPPER.valueToTree(v)));
        GanetiLab.job("POST", "/2/instances", body.toString());
        LabInstance instance = new LabInstance(name);
        if (start && kind == Kind.KERNEL) {
            instance.awaitGuest();
        }
        return instance;
    }

    void awaitGuest() {
        GanetiLab.await(name + " printing its ready line", Duration.ofSeconds(90), () -> GanetiLab.guestReady(name));
    }

    String name() {
        return name;
    }

    VmRef ref() {
        return VmRef.of("gnt", name);
    }

    /** Ganeti's record of the instance. */
    JsonNode ganeti() {
        return GanetiLab.instance(name);
    }

    List<String> nicNames() {
        return Json.texts(ganeti().path("nic.names"));
    }

    /** The UUID Ganeti's configuration has for the NIC named {@code nic}. */
    String uuidOf(String nic) {
        JsonNode i = ganeti();
        int at = Json.texts(i.path("nic.names")).indexOf(nic);
        if (at < 0) {
            throw new AssertionError(name + " has no NIC " + nic + " in Ganeti's configuration");
        }
        return i.path("nic.uuids").path(at).asText();
    }

    String macOf(String nic) {
        JsonNode i = ganeti();
        return i.path("nic.macs").path(Json.texts(i.path("nic.names")).indexOf(nic)).asText();
    }

    @Override
    public void close() {
        try {
            GanetiLab.job("DELETE", "/2/instances/" + name, "{\"shutdown_timeout\": 0}");
        } finally {
            try {
                Files.deleteIfExists(Path.of(GanetiLab.get("CONSOLE_DIR")).resolve(name + ".log"));
            } catch (java.io.IOException ignored) {
                // the lab's `up` removes stale consoles with their instances
            }
        }
    }
}
