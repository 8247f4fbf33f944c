package io.nicsync.serve.web;

import io.nicsync.apply.VmStateText;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicPairing;
import io.nicsync.spi.Presence;
import io.nicsync.spi.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A VM's NICs for the page, desired next to live: one row per desired NIC with the observed NIC it pairs with
 * ({@link NicPairing}, the planner's own pairing), then a row per observed NIC Git does not name.
 */
final class NicRows {
    private NicRows() {
    }

    /** @param steps the VM's planned steps: a NIC one of them concerns differs from what Git says */
    static List<Map<String, Object>> of(DesiredVm desired, LiveVm live, List<Step> steps) {
        Set<String> changing = steps.stream().map(Step::nic).filter(n -> n != null).collect(Collectors.toSet());
        NicPairing pairing = NicPairing.of(desired, live);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DesiredNic nic : desired.nics()) {
            LiveNic observed = pairing.of(nic);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", nic.name());
            row.put("desired", desired(nic));
            row.put("live", observed == null ? null : VmStateText.nic(observed));
            row.put("differs", changing.contains(nic.name()));
            rows.add(row);
        }
        for (LiveNic observed : pairing.unmanaged()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", observed.label());
            row.put("desired", null);
            row.put("live", VmStateText.nic(observed));
            row.put("differs", observed.name() != null && changing.contains(observed.name()));
            rows.add(row);
        }
        return rows;
    }

    /** {@code bridge br-prod, virtio, mac 52:54:00:12:34:56, link up, persistent}, or {@code absent}. */
    static String desired(DesiredNic nic) {
        if (nic.state() == Presence.ABSENT) {
            return "absent";
        }
        List<String> parts = new ArrayList<>();
        parts.add(nic.network().display());
        if (nic.model() != null) {
            parts.add(nic.model());
        }
        if (nic.binding() != null) {
            parts.add("binding " + nic.binding());
        }
        if (nic.mac() != null) {
            parts.add("mac " + nic.mac());
        }
        parts.add("link " + nic.link().yaml());
        parts.add(nic.persist() ? "persistent" : "live only");
        return String.join(", ", parts);
    }
}
