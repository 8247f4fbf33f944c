package io.nicsync.plugin.libvirt;

import io.nicsync.plugin.libvirt.DomainFacts.PciAddress;
import io.nicsync.plugin.libvirt.DomainFacts.PciController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link DomainFacts} of a domain XML in one {@link PullParser} pass, building no tree: observe
 * reads every domain on the host, and a DOM of each cost more than fetching it from libvirtd. It reads what
 * the DOM helpers read ({@code Xml.child} takes the first element of a name): the root's {@code id}, the first
 * {@code <os>}'s first {@code <type>}, the first {@code <features>}, the children of the first
 * {@code <devices>}.
 */
final class DomainFactsReader {
    private static final int ROOT = 1;
    private static final int SECTION = 2; // <os>, <features>, <devices>
    private static final int DEVICE = 3;
    private static final int DEVICE_CHILD = 4;

    private final PullParser r;
    private final StringBuilder canonical = new StringBuilder(2048);
    private final CanonicalXml writer = new CanonicalXml(canonical);

    private boolean active;
    private String machineType;
    private boolean acpi;
    private boolean video;
    private final List<NicFacts> nics = new ArrayList<>(4);
    private final List<PciController> controllers = new ArrayList<>();
    private final List<PciAddress> addresses = new ArrayList<>();

    private String section; // the section element being read, null outside the first of each
    private boolean seenOs;
    private boolean seenFeatures;
    private boolean seenDevices;
    private boolean seenOsType;
    private Device device; // the device being read, null between devices
    private int skipFrom; // depth of a subtree left out of the canonical form, 0 for none

    private DomainFactsReader(PullParser r) {
        this.r = r;
    }

    /** Throws {@link IllegalArgumentException} for XML that is not well-formed. */
    static DomainFacts read(String xml) {
        return new DomainFactsReader(new PullParser(xml)).run();
    }

    private DomainFacts run() {
        int depth = 0;
        for (int event = r.next(); event != PullParser.EOF; event = r.next()) {
            switch (event) {
                case PullParser.START -> start(++depth);
                case PullParser.END -> end(depth--);
                case PullParser.TEXT -> characters();
                default -> writer.flushText(); // a comment or CDATA ends a text node, as in the DOM
            }
        }
        return new DomainFacts(active, machineType, acpi, List.copyOf(nics), List.copyOf(controllers),
                List.copyOf(addresses), video, canonical.toString());
    }

    private void start(int depth) {
        String name = r.name();
        switch (depth) {
            case ROOT -> active = attr("id") != null;
            case SECTION -> section = firstSection(name);
            case DEVICE -> startSectionChild(name);
            default -> startDeviceDescendant(name, depth);
        }
    }

    private String firstSection(String name) {
        boolean first = switch (name) {
            case "os" -> !seenOs && (seenOs = true);
            case "features" -> !seenFeatures && (seenFeatures = true);
            case "devices" -> !seenDevices && (seenDevices = true);
            default -> false;
        };
        return first ? name : null;
    }

    private void startSectionChild(String name) {
        if (section == null) {
            return;
        }
        switch (section) {
            case "os" -> {
                if (name.equals("type") && !seenOsType) {
                    seenOsType = true;
                    machineType = attr("machine");
                }
            }
            case "features" -> acpi |= name.equals("acpi");
            case "devices" -> startDevice(name);
            default -> {
            }
        }
    }

    private void startDevice(String name) {
        video |= name.equals("video");
        String type = attr("type");
        device = new Device(name, type, name.equals("controller") && "pci".equals(type), attr("model"), attr("index"));
        if (device.canonical()) {
            writer.start(r);
        }
    }

    private void startDeviceDescendant(String name, int depth) {
        if (device == null) {
            return;
        }
        if (depth == DEVICE_CHILD) {
            deviceChild(name);
        }
        if (!device.canonical() || skipFrom != 0) {
            return;
        }
        // The tap name in an interface's <target dev> changes with every start and means nothing to NICs.
        if (depth == DEVICE_CHILD && device.iface && name.equals("target")) {
            writer.flushText();
            skipFrom = depth;
            return;
        }
        writer.start(r);
    }

    private void deviceChild(String name) {
        if (name.equals("address") && "pci".equals(attr("type"))) {
            addresses.add(new PciAddress(attr("bus"), attr("slot")));
        }
        if (device.iface && !device.firstChildren.containsKey(name)) {
            device.firstChildren.put(name, attributeMap());
        }
        if (device.pciController && name.equals("target") && !device.seenTarget) {
            device.seenTarget = true;
            device.hotplugOff = "off".equals(attr("hotplug"));
        }
    }

    private void end(int depth) {
        if (depth == SECTION) {
            section = null;
        } else if (depth > DEVICE && device != null && device.canonical()) {
            if (skipFrom == depth) {
                skipFrom = 0;
            } else if (skipFrom == 0) {
                writer.end(r.name());
            }
        } else if (depth == DEVICE && device != null) {
            endDevice();
        }
    }

    private void endDevice() {
        if (device.canonical()) {
            writer.end(device.name);
            canonical.append('\n');
        }
        if (device.iface) {
            nics.add(InterfaceReader.facts(device.type, device.firstChildren));
        }
        if (device.pciController) {
            controllers.add(new PciController(device.model, device.index, device.hotplugOff));
        }
        device = null;
    }

    private void characters() {
        if (device != null && device.canonical() && skipFrom == 0) {
            writer.characters(r.text());
        }
    }

    private String attr(String name) {
        return r.attribute(name);
    }

    private Map<String, String> attributeMap() {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < r.attributeCount(); i++) {
            out.put(r.attributeName(i), r.attributeValue(i));
        }
        return out;
    }

    /** One child of {@code <devices>} while it is read. */
    private static final class Device {
        final String name;
        final String type;
        final boolean iface;
        final boolean pciController;
        final String model;
        final String index;
        /** Of an interface: the attributes of its first child element of each name. */
        final Map<String, Map<String, String>> firstChildren = new HashMap<>();
        boolean seenTarget;
        boolean hotplugOff;

        Device(String name, String type, boolean pciController, String model, String index) {
            this.name = name;
            this.type = type;
            this.iface = name.equals("interface");
            this.pciController = pciController;
            this.model = model;
            this.index = index;
        }

        /** Interfaces and PCI controllers are what the fingerprint covers. */
        boolean canonical() {
            return iface || pciController;
        }
    }
}
