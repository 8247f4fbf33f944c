package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * virt-handler's part for NICs, one reconcile pass over a VMI: plugs new interfaces into the domain where
 * the dynamic-networks controller added the pod interface (bridge binding, a free PCI port), detaches
 * {@code absent} ones (the guest lets go, then the pod interface goes), reports link state (v1.5+), and keeps
 * {@code status.interfaces} with the {@code infoSource} of each entry.
 */
final class Handler {
    static final String ATTACHED = "domain, guest-agent, multus-status";
    static final String POD_ONLY = "multus-status";

    private final Simulator sim;
    private int macs;

    Handler(Simulator sim) {
        this.sim = sim;
    }

    boolean sync(ObjectNode vmi) {
        ObjectNode before = vmi.deepCopy();
        ObjectNode spec = Json.obj(vmi, "spec");
        ArrayNode status = Nics.status(vmi);
        for (JsonNode iface : Nics.interfaces(spec)) {
            String name = iface.path("name").asText();
            ObjectNode entry = Json.named(status, name).orElse(null);
            if (Nics.absent(iface) && !sim.memo(vmi).held.contains(name)) {
                detach(vmi, name, entry);
            } else if (Nics.absent(iface)) {
                continue;
            } else if (!Nics.attached(entry) && inPlace(iface)) {
                plug(vmi, iface, entry);
            } else if (Nics.attached(entry) && sim.config().minor() >= 5) {
                entry.put("linkState", "down".equals(iface.path("state").asText()) ? "down" : "up");
            }
        }
        for (JsonNode entry : status.deepCopy()) {
            if (Json.named(Nics.interfaces(spec), entry.path("name").asText()).isEmpty()) {
                Json.removeNamed(status, entry.path("name").asText());
            }
        }
        return sim.store().update(Kinds.VMI, before, vmi);
    }

    private void detach(ObjectNode vmi, String name, ObjectNode entry) {
        ArrayNode status = Nics.status(vmi);
        if (Nics.attached(entry)) {
            entry.put("infoSource", POD_ONLY);
            entry.remove("linkState");
        } else if (entry != null && sim.config().dynamicNetworks()) {
            Json.removeNamed(status, name);
        }
        if (entry != null && Json.named(status, name).isEmpty()) {
            sim.memo(vmi).podNetworks.remove(name);
        }
    }

    /** In place only where the dynamic-networks controller adds the pod interface, and for bridge binding. */
    private boolean inPlace(JsonNode iface) {
        return sim.config().dynamicNetworks() && "bridge".equals(Nics.binding(iface));
    }

    private void plug(ObjectNode vmi, JsonNode iface, ObjectNode entry) {
        if (entry == null) {
            entry = statusEntry(vmi, iface, POD_ONLY);
            Nics.status(vmi).add(entry);
            LauncherPods.plumb(sim.memo(vmi), vmi, iface.path("name").asText());
        }
        if (freeSlots(vmi) > 0) {
            attach(vmi, iface, entry);
        }
    }

    /** Puts the interface into the domain: the guest sees it, the guest agent reports it. */
    void attach(ObjectNode vmi, JsonNode iface, ObjectNode entry) {
        entry.put("infoSource", ATTACHED);
        if (!entry.has("interfaceName")) {
            entry.put("interfaceName", "eth" + (Nics.status(vmi).size() - 1));
        }
        if (sim.config().minor() >= 5) {
            entry.put("linkState", "down".equals(iface.path("state").asText()) ? "down" : "up");
        }
    }

    int freeSlots(ObjectNode vmi) {
        long used = 0;
        for (JsonNode e : Nics.status(vmi)) {
            used += Nics.attached(e) ? 1 : 0;
        }
        Memo memo = sim.memo(vmi);
        return (int) (memo.slots - used);
    }

    ObjectNode statusEntry(ObjectNode vmi, JsonNode iface, String infoSource) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        String name = iface.path("name").asText();
        entry.put("name", name);
        entry.put("infoSource", infoSource);
        entry.put("mac", iface.has("macAddress") ? iface.get("macAddress").asText() : nextMac());
        if (infoSource.contains("domain")) {
            entry.put("interfaceName", "eth" + Nics.status(vmi).size());
            if (sim.config().minor() >= 5) {
                entry.put("linkState", "down".equals(iface.path("state").asText()) ? "down" : "up");
            }
        }
        boolean multus = Json.named(Nics.networks(Json.obj(vmi, "spec")), name).map(n -> n.has("multus")).orElse(false);
        if (multus) {
            entry.put("podInterfaceName", "pod" + Integer.toHexString(name.hashCode() & 0xfffffff));
            entry.put("infoSource", infoSource.contains("domain") ? ATTACHED : POD_ONLY);
        }
        return entry;
    }

    private String nextMac() {
        macs++;
        return String.format("52:54:00:00:%02x:%02x", macs / 256, macs % 256);
    }
}
