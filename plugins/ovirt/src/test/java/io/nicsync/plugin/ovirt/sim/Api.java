package io.nicsync.plugin.ovirt.sim;

import io.nicsync.plugin.ovirt.sim.EngineState.Nic;
import io.nicsync.plugin.ovirt.sim.EngineState.Vm;
import io.nicsync.plugin.ovirt.sim.NicRules.NicInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.w3c.dom.Element;

/**
 * The resources of {@code /ovirt-engine/api} the plugin uses, as the engine serves them. Each request is mapped to a
 * service method of the model ({@code vm_nics.add}, ...) so that its body and the answer are checked against what that
 * method takes and gives ({@link ModelCheck}).
 */
final class Api {
    /** One answered request: the HTTP status, the document, and the model's method it answers. */
    record Answer(int status, Element body, String service, String method) {
    }

    /** What a request asked: method, path below the API root, query, and its body's root (null without body). */
    record Request(String method, String path, Map<String, String> query, Element body) {
    }

    private static final Pattern VM = Pattern.compile("/vms/([^/]+)");
    private static final Pattern VM_PART = Pattern.compile("/vms/([^/]+)/(nics|reporteddevices|diskattachments|"
            + "watchdogs|shutdown|stop|start)");
    private static final Pattern NIC = Pattern.compile("/vms/([^/]+)/nics/([^/]+)");
    private static final Pattern NIC_ACTION = Pattern.compile("/vms/([^/]+)/nics/([^/]+)/(activate|deactivate)");
    private static final Pattern CLUSTER = Pattern.compile("/clusters/([^/]+)");
    private static final Pattern HOST_NETWORKS = Pattern.compile("/hosts/([^/]+)/networkattachments");
    private static final Pattern MAC_POOL = Pattern.compile("/macpools/([^/]+)");

    private final EngineState s;
    private final NicRules rules;
    private final Documents docs;

    Api(EngineState state, NicRules rules) {
        this.s = state;
        this.rules = rules;
        this.docs = new Documents(state);
    }

    Answer handle(Request r) {
        String p = r.path();
        Matcher m;
        return switch (r.method()) {
            case "GET" -> {
                if (p.isEmpty() || p.equals("/")) {
                    yield new Answer(200, docs.api(), "system", "get");
                } else if (p.equals("/vms")) {
                    List<Vm> listed = vms(r.query().get("search"));
                    listed.forEach(rules::read);
                    yield new Answer(200, Documents.list("vms", listed, docs::vm), "vms", "list");
                } else if (p.equals("/vnicprofiles")) {
                    yield new Answer(200, Documents.list("vnic_profiles", List.copyOf(s.profiles.values()),
                            docs::profile), "vnic_profiles", "list");
                } else if (p.equals("/networks")) {
                    yield new Answer(200, Documents.list("networks", List.copyOf(s.networks.values()), docs::network),
                            "networks", "list");
                } else if (p.equals("/clusters")) {
                    yield new Answer(200, Documents.list("clusters", List.copyOf(s.clusters.values()), docs::cluster),
                            "clusters", "list");
                } else if ((m = CLUSTER.matcher(p)).matches()) {
                    var c = found(s.clusters.get(m.group(1)));
                    yield new Answer(200, Documents.one(into -> docs.cluster(into, c)), "cluster", "get");
                } else if ((m = HOST_NETWORKS.matcher(p)).matches()) {
                    var h = found(s.hosts.get(m.group(1)));
                    yield new Answer(200, Documents.list("network_attachments", List.copyOf(h.networkIds),
                            (into, n) -> docs.networkAttachment(into, h, n)), "network_attachments", "list");
                } else if ((m = MAC_POOL.matcher(p)).matches()) {
                    var pool = found(s.macPools.get(m.group(1)));
                    yield new Answer(200, Documents.one(into -> docs.macPool(into, pool)), "mac_pool", "get");
                } else if ((m = VM.matcher(p)).matches()) {
                    Vm vm = vm(m.group(1));
                    rules.read(vm);
                    yield new Answer(200, Documents.one(into -> docs.vm(into, vm)), "vm", "get");
                } else if ((m = NIC.matcher(p)).matches()) {
                    Vm vm = vm(m.group(1));
                    Nic nic = found(vm.nic(m.group(2)).orElse(null));
                    yield new Answer(200, Documents.one(into -> docs.nic(into, vm, nic)), "vm_nic", "get");
                } else if ((m = VM_PART.matcher(p)).matches()) {
                    yield vmPart(vm(m.group(1)), m.group(2));
                }
                throw EngineFault.notFound();
            }
            case "POST" -> {
                if ((m = NIC_ACTION.matcher(p)).matches()) {
                    Vm vm = vm(m.group(1));
                    Nic nic = found(vm.nic(m.group(2)).orElse(null));
                    boolean plug = m.group(3).equals("activate");
                    rules.update(vm, nic, new NicInput(null, null, null, null, null, plug), m.group(3));
                    yield new Answer(200, Documents.action("complete"), "vm_nic", m.group(3));
                } else if ((m = VM_PART.matcher(p)).matches() && m.group(2).equals("nics")) {
                    Vm vm = vm(m.group(1));
                    Nic nic = rules.add(vm, input(r.body()));
                    yield new Answer(201, Documents.one(into -> docs.nic(into, vm, nic)), "vm_nics", "add");
                } else if ((m = VM_PART.matcher(p)).matches() && List.of("shutdown", "stop", "start")
                        .contains(m.group(2))) {
                    Vm vm = vm(m.group(1));
                    switch (m.group(2)) {
                        case "shutdown" -> rules.shutdown(vm);
                        case "stop" -> rules.stop(vm);
                        default -> rules.start(vm);
                    }
                    yield new Answer(200, Documents.action("complete"), "vm", m.group(2));
                }
                throw EngineFault.notFound();
            }
            case "PUT" -> {
                if ((m = NIC.matcher(p)).matches()) {
                    Vm vm = vm(m.group(1));
                    Nic nic = found(vm.nic(m.group(2)).orElse(null));
                    rules.update(vm, nic, input(r.body()), "edit");
                    yield new Answer(200, Documents.one(into -> docs.nic(into, vm, nic)), "vm_nic", "update");
                }
                throw EngineFault.notFound();
            }
            case "DELETE" -> {
                if ((m = NIC.matcher(p)).matches()) {
                    Vm vm = vm(m.group(1));
                    rules.remove(vm, found(vm.nic(m.group(2)).orElse(null)));
                    yield new Answer(200, null, "vm_nic", "remove");
                }
                throw EngineFault.notFound();
            }
            default -> throw EngineFault.notFound();
        };
    }

    private Answer vmPart(Vm vm, String part) {
        return switch (part) {
            case "nics" -> new Answer(200, Documents.list("nics", vm.nics, (into, n) -> docs.nic(into, vm, n)),
                    "vm_nics", "list");
            case "reporteddevices" -> new Answer(200, Documents.list("reported_devices", rules.reported(vm),
                    (into, mac) -> docs.reportedDevice(into, vm, mac)), "vm_reported_devices", "list");
            case "diskattachments" -> new Answer(200, Documents.list("disk_attachments",
                    IntStream.range(0, vm.virtioDisks).boxed().toList(),
                    (into, i) -> docs.diskAttachment(into, vm, i, "virtio")), "disk_attachments", "list");
            case "watchdogs" -> new Answer(200, Documents.list("watchdogs", vm.watchdog ? List.of(vm) : List.of(),
                    docs::watchdog), "vm_watchdogs", "list");
            default -> throw EngineFault.notFound();
        };
    }

    /** The engine's search: {@code name=NAME} (quoted or not) finds that VM; no search lists them all. */
    private List<Vm> vms(String search) {
        if (search == null) {
            return List.copyOf(s.vms.values());
        }
        Matcher m = Pattern.compile("name=\"?(.*?)\"?").matcher(search.trim());
        if (!m.matches()) {
            throw EngineFault.badRequest("[this simulated engine searches VMs by name=... only]");
        }
        String name = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        List<Vm> out = new ArrayList<>();
        s.vmByName(name).ifPresent(out::add);
        return out;
    }

    private Vm vm(String id) {
        return found(s.vms.get(id));
    }

    private static <T> T found(T t) {
        if (t == null) {
            throw EngineFault.notFound();
        }
        return t;
    }

    /** A {@code <nic>} request: what it gives, with an empty {@code <vnic_profile/>} meaning no profile (NicMapper). */
    private static NicInput input(Element body) {
        if (body == null || !body.getTagName().equals("nic")) {
            throw EngineFault.badRequest("[a <nic> is expected]");
        }
        String profile = Xml.first(body, "vnic_profile").map(e -> e.getAttribute("id")).orElse(null);
        return new NicInput(Xml.textOf(body, "name").orElse(null), Xml.textOf(body, "interface").orElse(null),
                Xml.first(body, "mac").flatMap(mac -> Xml.textOf(mac, "address")).orElse(null), profile,
                Xml.textOf(body, "linked").map(Boolean::parseBoolean).orElse(null),
                Xml.textOf(body, "plugged").map(Boolean::parseBoolean).orElse(null));
    }
}
