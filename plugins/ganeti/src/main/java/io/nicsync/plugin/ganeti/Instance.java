package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One instance as nicsync reads it from {@code /2/query/instance}: Ganeti's configuration of it, its run state,
 * and the hypervisor parameters that decide what can be hotplugged.
 *
 * <p>Everything here is configuration except {@code operState} and {@code status}: RAPI has no view of the
 * devices a running KVM process has. Ganeti changes both together only when it hotplugs.
 *
 * @param status Ganeti's combined state: {@code running}, {@code ADMIN_down}, {@code ERROR_down}, ...
 * @param operState whether the hypervisor runs it; null when the node could not be asked
 * @param serialNo incremented by Ganeti on every change of the instance's configuration (tags included)
 * @param group the node group of its primary node, whose instance policy limits its NICs
 * @param nicType the KVM {@code nic_type} of all its NICs ({@code paravirtual}, {@code e1000}, ...); null for
 *     hypervisors without one
 * @param pciReservations {@code kvm_pci_reservations}: PCI slots kept for QEMU's own devices; null when not KVM
 * @param diskCount disks of the instance
 */
record Instance(String name, String uuid, String status, Boolean operState, String adminState, String hypervisor,
        long serialNo, List<String> tags, String group, List<ConfigNic> nics, String nicType, Integer pciReservations,
        String machineVersion, Boolean acpi, String diskTemplate, String diskType, int diskCount) {

    /** The fields asked for, in the order {@link #of} reads them. */
    static final List<String> FIELDS = List.of("name", "uuid", "status", "oper_state", "admin_state", "hypervisor",
            "serial_no", "tags", "pnode.group", "nic.names", "nic.uuids", "nic.macs", "nic.modes", "nic.links",
            "nic.vlans", "nic.networks.names", "nic.ips", "hv/nic_type", "hv/kvm_pci_reservations",
            "hv/machine_version", "hv/acpi", "hv/disk_type", "disk_template", "disk.count", "custom_nicparams");

    Instance {
        tags = List.copyOf(tags);
        nics = List.copyOf(nics);
    }

    /**
     * One row of a query answer: each field is {@code [status, value]}, status 0 meaning the value is there (1
     * unknown field, 2 no data, 3 unavailable, 4 node offline).
     */
    static Instance of(JsonNode row) {
        Row r = new Row(row);
        List<String> names = Json.texts(r.value("nic.names"));
        List<String> uuids = Json.texts(r.value("nic.uuids"));
        List<String> macs = Json.texts(r.value("nic.macs"));
        List<String> modes = Json.texts(r.value("nic.modes"));
        List<String> links = Json.texts(r.value("nic.links"));
        List<String> vlans = vlans(Json.texts(r.value("nic.vlans")), r.value("custom_nicparams"));
        List<String> networks = Json.texts(r.value("nic.networks.names"));
        List<String> ips = Json.texts(r.value("nic.ips"));
        List<ConfigNic> nics = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i++) {
            String mac = at(macs, i);
            nics.add(new ConfigNic(i, uuids.get(i), at(names, i), mac == null ? null : MacAddress.parse(mac),
                    at(modes, i), at(links, i), at(vlans, i), at(networks, i),
                    at(ips, i)));
        }
        JsonNode operState = r.value("oper_state");
        JsonNode reservations = r.value("hv/kvm_pci_reservations");
        JsonNode acpi = r.value("hv/acpi");
        JsonNode disks = r.value("disk.count");
        return new Instance(Json.text(r.value("name")), Json.text(r.value("uuid")), Json.text(r.value("status")),
                operState == null || !operState.isBoolean() ? null : operState.asBoolean(),
                Json.text(r.value("admin_state")), Json.text(r.value("hypervisor")),
                r.value("serial_no") == null ? 0 : r.value("serial_no").asLong(),
                Json.texts(r.value("tags")), Json.text(r.value("pnode.group")), nics,
                Json.text(r.value("hv/nic_type")),
                reservations == null || !reservations.isNumber() ? null : reservations.asInt(),
                Json.text(r.value("hv/machine_version")),
                acpi == null || !acpi.isBoolean() ? null : acpi.asBoolean(),
                Json.text(r.value("disk_template")), Json.text(r.value("hv/disk_type")),
                disks == null ? 0 : disks.asInt());
    }

    Optional<ConfigNic> nicByUuid(String nicUuid) {
        return nics.stream().filter(n -> n.uuid().equals(nicUuid)).findFirst();
    }

    boolean isKvm() {
        return "kvm".equals(hypervisor);
    }

    /**
     * Each NIC's VLAN, "" for none. Ganeti 3.0.2 answers {@code nic.vlans} with null for every NIC, a VLAN set or not
     * ({@code gnt-instance list -o nic.vlans} shows it too), while {@code custom_nicparams} holds the VLAN given to the
     * NIC; the cluster's default VLAN is "" ({@code nicparams} of {@code /2/info}), and a NIC without a VLAN of its own
     * has that.
     */
    private static List<String> vlans(List<String> reported, JsonNode custom) {
        List<String> out = new ArrayList<>();
        int count = Math.max(reported.size(), custom == null ? 0 : custom.size());
        for (int i = 0; i < count; i++) {
            String vlan = at(reported, i);
            if (vlan == null || vlan.isEmpty()) {
                vlan = custom == null ? null : Json.text(custom.path(i).get("vlan"));
            }
            out.add(vlan == null ? "" : vlan);
        }
        return out;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    /** The fields of one row by name. */
    private record Row(JsonNode cells) {
        JsonNode value(String field) {
            int i = FIELDS.indexOf(field);
            JsonNode cell = cells.path(i);
            return cell.path(0).asInt(-1) == 0 ? cell.get(1) : null;
        }
    }
}
