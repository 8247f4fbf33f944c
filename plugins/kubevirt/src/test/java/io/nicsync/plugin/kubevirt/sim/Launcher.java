package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Starting and stopping VMs as virt-controller and virt-handler do it: the VMI is the VM template without
 * {@code absent} interfaces (KubeVirt drops those from the template too) and, where the template names no
 * network, with KubeVirt's default pod interface ({@link DefaultNetwork}); the template itself is not written
 * otherwise. Every interface is in the domain at boot, v1.8+ annotate the PCI layout.
 */
final class Launcher {
    private final Simulator sim;

    Launcher(Simulator sim) {
        this.sim = sim;
    }

    void start(String namespace, String name) {
        ObjectNode vm = sim.store().get(Kinds.VM, namespace, name);
        ObjectNode before = vm.deepCopy();
        ObjectNode template = Json.obj(vm, "spec", "template", "spec");
        dropAbsent(template);
        ObjectNode vmi = Json.MAPPER.createObjectNode();
        ObjectNode meta = vmi.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode spec = template.deepCopy();
        DefaultNetwork.apply(spec, sim.config().podBinding());
        vmi.set("spec", spec);
        int boot = Nics.interfaces(spec).size();
        int slots = Slots.total(sim.config().minor(), boot, spec);
        if (sim.config().minor() >= 8) {
            ObjectNode annotations = meta.putObject("annotations");
            annotations.put(Slots.TOPOLOGY_VERSION, "v3");
            annotations.put(Slots.SLOT_COUNT, String.valueOf(slots));
        }
        ObjectNode status = vmi.putObject("status");
        status.put("phase", "Running");
        status.put("nodeName", "node-1");
        status.putArray("conditions").add(condition("Ready", "True", null));
        for (JsonNode iface : Nics.interfaces(spec)) {
            Nics.status(vmi).add(sim.handler().statusEntry(vmi, iface, "domain, guest-agent"));
        }
        sim.store().create(Kinds.VMI, vmi);
        Memo memo = new Memo(slots);
        memo.bootTemplate = RestartRules.nics(template);
        LauncherPods.replumbAll(memo, vmi);
        sim.remember(namespace, name, memo);
        sim.pods().sync(sim.store().get(Kinds.VMI, namespace, name), memo);
        vm.withObjectProperty("spec").put("runStrategy", "Always");
        vm.withObjectProperty("spec").remove("running");
        ObjectNode vmStatus = vm.putObject("status");
        vmStatus.put("printableStatus", "Running");
        vmStatus.put("ready", true);
        vmStatus.put("created", true);
        vmStatus.putArray("conditions").add(condition("Ready", "True", null));
        sim.store().update(Kinds.VM, before, vm);
    }

    void stop(String namespace, String name) {
        sim.store().delete(Kinds.VMI, namespace, name);
        sim.pods().deleteAll(namespace, name);
        sim.forget(namespace, name);
        ObjectNode vm = sim.store().get(Kinds.VM, namespace, name);
        ObjectNode before = vm.deepCopy();
        vm.withObjectProperty("spec").put("runStrategy", "Halted");
        vm.withObjectProperty("spec").remove("running");
        vm.putObject("status").put("printableStatus", "Stopped");
        sim.store().update(Kinds.VM, before, vm);
    }

    private static void dropAbsent(ObjectNode spec) {
        ArrayNode interfaces = Nics.interfaces(spec);
        List<String> absent = StreamSupport.stream(interfaces.spliterator(), false)
                .filter(Nics::absent)
                .map(i -> i.path("name").asText())
                .toList();
        for (String name : absent) {
            Json.removeNamed(interfaces, name);
            Json.removeNamed(Nics.networks(spec), name);
        }
    }

    static ObjectNode condition(String type, String status, String reason) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("type", type);
        c.put("status", status);
        if (reason != null) {
            c.put("reason", reason);
        }
        return c;
    }
}
