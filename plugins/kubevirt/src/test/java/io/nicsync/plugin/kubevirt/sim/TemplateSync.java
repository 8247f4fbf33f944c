package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * virt-controller's VM controller for NICs (declarative API, v1.1+), one pass over a running VM: new template
 * interfaces go into the VMI spec (bridge and SR-IOV), {@code absent} and link states follow, a NAD change
 * follows where the release changes NADs live (then waits for a migration); nothing else of the template reaches
 * the running VMI. This does not depend on the rollout strategy, only on the HotplugNICs gate before v1.4. Once
 * an absent interface has left the VMI status, KubeVirt deletes its entry from the VMI spec and from the VM
 * template. {@link RestartRules} decide the VM's {@code RestartRequired} condition.
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
        if (sim.config().declarative() && hotplugEnabled(sim.config())) {
            propagate(template, running, memo);
        }
        removeReleased(template, vmi);
        JsonNode boot = memo.bootTemplate != null ? memo.bootTemplate : RestartRules.nics(template);
        boolean needed = RestartRules.needed(sim.config(), template, boot, running);
        memo.restartRequired = needed || RestartRules.sticky(sim.config()) && memo.restartRequired;
        setRestartRequired(vm, memo.restartRequired);
        boolean wrote = sim.store().update(Kinds.VMI, vmiBefore, vmi);
        return sim.store().update(Kinds.VM, vmBefore, vm) || wrote;
    }

    /** Before v1.4 the HotplugNICs gate. */
    static boolean hotplugEnabled(SimConfig c) {
        return c.minor() >= 4 || c.hotplugGate();
    }

    /** v1.9, and v1.8 with the LiveUpdateNADRef gate, carry a new NAD of a running VM's NIC to the VMI. */
    static boolean nadChangesLive(SimConfig c) {
        return c.minor() >= 9 || c.minor() == 8 && c.nadRefGate();
    }

    private void propagate(ObjectNode template, ObjectNode running, Memo memo) {
        for (JsonNode t : Nics.interfaces(template)) {
            String name = t.path("name").asText();
            JsonNode tNet = Json.named(Nics.networks(template), name).orElse(null);
            ObjectNode v = Json.named(Nics.interfaces(running), name).orElse(null);
            if (v == null) {
                if (!Nics.absent(t) && Nics.hotpluggable(t) && tNet != null) {
                    Nics.interfacesToWrite(running).add(t.deepCopy());
                    Nics.networksToWrite(running).add(tNet.deepCopy());
                }
            } else {
                followNetwork(name, tNet, running, memo);
                followState(t, v);
            }
        }
    }

    private void followNetwork(String name, JsonNode tNet, ObjectNode running, Memo memo) {
        ObjectNode vNet = Json.named(Nics.networks(running), name).orElse(null);
        String wanted = Nics.networkName(tNet);
        if (vNet == null || wanted == null || wanted.equals(Nics.networkName(vNet))) {
            return;
        }
        if (nadChangesLive(sim.config())) {
            Json.obj(vNet, "multus").put("networkName", wanted);
            memo.networkChanged = true;
        }
    }

    /** The VMI interface takes the template's {@code state}, unless it is being unplugged already. */
    private void followState(JsonNode t, ObjectNode v) {
        if (Nics.absent(v)) {
            return;
        }
        if (Nics.absent(t)) {
            v.put("state", "absent");
        } else if (sim.config().minor() >= 5) {
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
        int at = -1;
        for (int i = 0; i < conditions.size(); i++) {
            at = "RestartRequired".equals(conditions.get(i).path("type").asText()) ? i : at;
        }
        if (required && at < 0) {
            ObjectNode c = Launcher.condition("RestartRequired", "True", null);
            c.put("message", RESTART_MESSAGE);
            conditions.add(c);
        } else if (!required && at >= 0) {
            conditions.remove(at);
        }
    }
}
