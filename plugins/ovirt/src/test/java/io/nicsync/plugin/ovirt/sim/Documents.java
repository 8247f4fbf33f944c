package io.nicsync.plugin.ovirt.sim;

import static io.nicsync.plugin.ovirt.sim.Xml.child;
import static io.nicsync.plugin.ovirt.sim.Xml.link;
import static io.nicsync.plugin.ovirt.sim.Xml.text;

import io.nicsync.plugin.ovirt.sim.EngineState.Nic;
import io.nicsync.plugin.ovirt.sim.EngineState.Vm;
import java.util.List;
import java.util.function.BiConsumer;
import org.w3c.dom.Element;

/** The engine's objects as the API writes them: each element as the model names it, with id and href. */
final class Documents {
    static final String API = "/ovirt-engine/api";

    private final EngineState s;

    Documents(EngineState state) {
        this.s = state;
    }

    Element api() {
        Element api = Xml.newDocument().createElement("api");
        api.getOwnerDocument().appendChild(api);
        Element info = child(api, "product_info");
        text(info, "name", "oVirt Engine");
        text(info, "vendor", "ovirt.org");
        Element version = child(info, "version");
        String[] parts = s.version.split("\\.");
        text(version, "full_version", s.version);
        text(version, "major", parts[0]);
        text(version, "minor", parts.length > 1 ? parts[1] : "0");
        text(version, "build", parts.length > 2 ? parts[2] : "0");
        text(version, "revision", "0");
        return api;
    }

    Element vm(Element into, Vm vm) {
        Element e = identified(into, "vm", API + "/vms/" + vm.id, vm.id);
        text(e, "name", vm.name);
        text(e, "status", vm.status);
        link(e, "cluster", API + "/clusters/" + vm.clusterId, vm.clusterId);
        if (vm.hostId != null) {
            link(e, "host", API + "/hosts/" + vm.hostId, vm.hostId);
        }
        if (vm.monitors > 0) {
            text(child(e, "display"), "monitors", vm.monitors);
        }
        text(child(e, "virtio_scsi"), "enabled", vm.virtioScsi);
        text(e, "soundcard_enabled", vm.soundcard);
        listLink(e, "nics", API + "/vms/" + vm.id + "/nics");
        listLink(e, "reported_devices", API + "/vms/" + vm.id + "/reporteddevices");
        return e;
    }

    Element nic(Element into, Vm vm, Nic nic) {
        Element e = identified(into, "nic", API + "/vms/" + vm.id + "/nics/" + nic.id, nic.id);
        text(e, "name", nic.name);
        text(e, "interface", nic.iface);
        text(e, "linked", nic.linked);
        text(child(e, "mac"), "address", nic.mac);
        text(e, "plugged", nic.plugged);
        if (nic.profileId != null) {
            link(e, "vnic_profile", API + "/vnicprofiles/" + nic.profileId, nic.profileId);
        }
        link(e, "vm", API + "/vms/" + vm.id, vm.id);
        return e;
    }

    Element reportedDevice(Element into, Vm vm, String mac) {
        String id = java.util.UUID.nameUUIDFromBytes((vm.id + mac).getBytes()).toString();
        Element e = identified(into, "reported_device", API + "/vms/" + vm.id + "/reporteddevices/" + id, id);
        text(e, "name", "eth" + Integer.toHexString(mac.hashCode() & 0xff));
        text(e, "type", "network");
        text(child(e, "mac"), "address", mac);
        link(e, "vm", API + "/vms/" + vm.id, vm.id);
        return e;
    }

    Element diskAttachment(Element into, Vm vm, int index, String iface) {
        String id = java.util.UUID.nameUUIDFromBytes((vm.id + "disk" + index).getBytes()).toString();
        Element e = identified(into, "disk_attachment", API + "/vms/" + vm.id + "/diskattachments/" + id, id);
        text(e, "active", true);
        text(e, "bootable", index == 0);
        text(e, "interface", iface);
        return e;
    }

    Element watchdog(Element into, Vm vm) {
        String id = java.util.UUID.nameUUIDFromBytes((vm.id + "watchdog").getBytes()).toString();
        Element e = identified(into, "watchdog", API + "/vms/" + vm.id + "/watchdogs/" + id, id);
        text(e, "action", "reset");
        text(e, "model", "i6300esb");
        return e;
    }

    Element profile(Element into, EngineState.Profile p) {
        Element e = identified(into, "vnic_profile", API + "/vnicprofiles/" + p.id(), p.id());
        text(e, "name", p.name());
        text(e, "port_mirroring", p.portMirroring());
        text(child(e, "pass_through"), "mode", p.passthrough() ? "enabled" : "disabled");
        link(e, "network", API + "/networks/" + p.networkId(), p.networkId());
        return e;
    }

    Element network(Element into, EngineState.Network n) {
        Element e = identified(into, "network", API + "/networks/" + n.id(), n.id());
        text(e, "name", n.name());
        link(e, "data_center", API + "/datacenters/" + n.dataCenterId(), n.dataCenterId());
        return e;
    }

    Element cluster(Element into, EngineState.Cluster c) {
        Element e = identified(into, "cluster", API + "/clusters/" + c.id(), c.id());
        text(e, "name", c.name());
        link(e, "data_center", API + "/datacenters/" + c.dataCenterId(), c.dataCenterId());
        link(e, "mac_pool", API + "/macpools/" + c.macPoolId(), c.macPoolId());
        return e;
    }

    Element networkAttachment(Element into, EngineState.Host h, String networkId) {
        String id = java.util.UUID.nameUUIDFromBytes((h.id + networkId).getBytes()).toString();
        Element e = identified(into, "network_attachment", API + "/hosts/" + h.id + "/networkattachments/" + id, id);
        link(e, "network", API + "/networks/" + networkId, networkId);
        link(e, "host", API + "/hosts/" + h.id, h.id);
        return e;
    }

    Element macPool(Element into, EngineState.MacPool pool) {
        Element e = identified(into, "mac_pool", API + "/macpools/" + pool.id, pool.id);
        text(e, "name", pool.name);
        text(e, "allow_duplicates", pool.allowDuplicates);
        Element range = child(child(e, "ranges"), "range");
        text(range, "from", mac(pool.first));
        text(range, "to", mac(pool.last));
        return e;
    }

    /** A document that is a list: {@code <nics><nic/>...</nics>}. */
    static <T> Element list(String name, List<T> items, BiConsumer<Element, T> each) {
        Element root = Xml.newDocument().createElement(name);
        root.getOwnerDocument().appendChild(root);
        items.forEach(i -> each.accept(root, i));
        return root;
    }

    /** A document that is one object. */
    static Element one(java.util.function.Function<Element, Element> write) {
        Element holder = Xml.newDocument().createElement("holder");
        Element e = write.apply(holder);
        holder.removeChild(e);
        holder.getOwnerDocument().appendChild(e);
        return e;
    }

    static Element action(String status) {
        Element action = Xml.newDocument().createElement("action");
        action.getOwnerDocument().appendChild(action);
        text(action, "status", status);
        return action;
    }

    static Element fault(EngineFault f) {
        Element fault = Xml.newDocument().createElement("fault");
        fault.getOwnerDocument().appendChild(fault);
        text(fault, "reason", f.reason);
        text(fault, "detail", f.detail);
        return fault;
    }

    private static Element identified(Element into, String name, String href, String id) {
        Element e = into.getOwnerDocument().createElement(name);
        e.setAttribute("href", href);
        e.setAttribute("id", id);
        into.appendChild(e);
        return e;
    }

    private static void listLink(Element e, String rel, String href) {
        Element l = child(e, "link");
        l.setAttribute("rel", rel);
        l.setAttribute("href", href);
    }

    static String mac(long value) {
        return String.format("%012x", value).replaceAll("(..)(?!$)", "$1:");
    }
}
