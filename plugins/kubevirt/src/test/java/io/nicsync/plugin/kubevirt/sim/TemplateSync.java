package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * virt-controller's VM controller for NICs (declarative API, v1.1+), one pass over a running VM: new template
 * interfaces go into the VMI spec (bridge and SR-IOV), {@code absent} and link states follow, a NAD change
 * follows on v1.8+ (then waits for a migration); binding, model or MAC changes and removals without
 * {@code absent} set a sticky {@code RestartRequired}. Once an absent interface has left the VMI status,
 * KubeVirt deletes its entry from the VMI spec and from the VM template.
 */
final class TemplateSync {
    static final String RESTART_MESSAGE = "a non-live-updatable field was changed in the template spec";

    private final Simulator sim;

    TemplateSync(Simulator sim) {
        this.sim = sim;
    }

    boolean sync(ObjectNode vm) {
        String ns = vm.path("metadata").path("namespace").asText();
        String name = vm.path("metadata").path("name").asText();
        ObjectNode vmi = sim.store().get(Kinds.VMI, ns, name);
        if (vmi == null) {
            return false;
        }
        ObjectNode vmBefore = vm.deepCopy();
        ObjectNode vmiBefore = vmi.deepCopy();
        ObjectNode template = Json.obj(vm, "spec", "template", "spec");
        ObjectNode running = Json.obj(vmi, "spec");
        Memo memo = sim.memo(vmi);
        List<String> restart = new ArrayList<>();
        if (!sim.config().declarative()) {
            removeReleased(template, vmi);
        } else if (liveUpdates()) {
            propagate(template, running, memo, restart);
            removeReleased(template, vmi);
        } else if (!Nics.interfaces(template).equals(Nics.interfaces(running))
                || !Nics.networks(template).equals(Nics.networks(running))) {
            restart.add("live updates off");
        }
        memo.restartRequired |= !restart.isEmpty();
        setRestartRequired(vm, memo.restartRequired);
        boolean wrote = sim.store().update(Kinds.VMI, vmiBefore, vmi);
        return sim.store().update(Kinds.VM, vmBefore, vm) || wrote;
    }

    /** Before v1.4 the HotplugNICs gate, from v1.2 the LiveUpdate rollout strategy. */
    private boolean liveUpdates() {
        SimConfig c = sim.config();
        return (c.minor() >= 4 || c.hotplugGate()) && (c.minor() < 2 || c.liveUpdateRollout());
    }

    private void propagate(ObjectNode template, ObjectNode running, Memo memo, List<String> restart) {
        ArrayNode vIfaces = Nics.interfaces(running);
        for (JsonNode t : Nics.interfaces(template)) {
            String name = t.path("name").asText();
            JsonNode tNet = Json.named(Nics.networks(template), name).orElse(null);
            ObjectNode v = Json.named(vIfaces, name).orElse(null);
            if (v == null) {
                if (Nics.absent(t)) {
                    continue;
                }
                if (Nics.hotpluggable(t) && tNet != null) {
                    vIfaces.add(t.deepCopy());
                    Nics.networks(running).add(tNet.deepCopy());
                } else {
                    restart.add(name + ": binding cannot be hotplugged");
                }
            } else if (Nics.needsRestart(t, v)) {
                restart.add(name + ": binding, model or MAC changed");
            } else {
                followNetwork(name, tNet, running, memo, restart);
                followState(t, v);
            }
        }
        for (JsonNode v : vIfaces) {
            if (!Nics.absent(v) && Json.named(Nics.interfaces(template), v.path("name").asText()).isEmpty()) {
                restart.add(v.path("name").asText() + ": removed without state absent");
            }
        }
    }

    private void followNetwork(String name, JsonNode tNet, ObjectNode running, Memo memo, List<String> restart) {
        ObjectNode vNet = Json.named(Nics.networks(running), name).orElse(null);
        String wanted = Nics.networkName(tNet);
        if (vNet == null || wanted == null || wanted.equals(Nics.networkName(vNet))) {
            return;
        }
        if (sim.config().minor() >= 8) {
            Json.obj(vNet, "multus").put("networkName", wanted);
            memo.networkChanged = true;
        } else {
            restart.add(name + ": network changed");
        }
    }

    private void followState(JsonNode t, ObjectNode v) {
        if (Nics.absent(t)) {
            v.put("state", "absent");
        } else if (sim.config().minor() >= 5 && !Nics.absent(v)) {
            String state = t.path("state").asText("");
            if (state.isEmpty()) {
                v.remove("state");
            } else {
                v.put("state", state);
            }
        }
    }

    /** Absent interfaces that left the VMI status are deleted from the VMI spec and the VM template. */
    private void removeReleased(ObjectNode template, ObjectNode vmi) {
        ObjectNode running = Json.obj(vmi, "spec");
        for (JsonNode t : Nics.interfaces(template).deepCopy()) {
            String name = t.path("name").asText();
            if (!Nics.absent(t) || Json.named(Nics.status(vmi), name).isPresent()) {
                continue;
            }
            Json.removeNamed(Nics.interfaces(running), name);
            Json.removeNamed(Nics.networks(running), name);
            Json.removeNamed(Nics.interfaces(template), name);
            Json.removeNamed(Nics.networks(template), name);
        }
    }

    private static void setRestartRequired(ObjectNode vm, boolean required) {
        ArrayNode conditions = Json.arr(vm, "status", "conditions");
        boolean present = Json.find(conditions, c -> "RestartRequired".equals(c.path("type").asText())).isPresent();
        if (required && !present) {
            ObjectNode c = Launcher.condition("RestartRequired", "True", null);
            c.put("message", RESTART_MESSAGE);
            conditions.add(c);
        }
    }
}
