package io.nicsync.apply;

import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicSpec;
import java.util.ArrayList;
import java.util.List;

/** A VM's NICs as lines of text: what a report shows of a VM left changed, so people know its exact state. */
public final class VmStateText {
    private VmStateText() {
    }

    public static List<String> lines(LiveVm vm) {
        List<String> lines = new ArrayList<>();
        lines.add(vm.power().name().toLowerCase(java.util.Locale.ROOT) + ", " + vm.nics().size() + " NIC(s)");
        for (LiveNic nic : vm.nics()) {
            lines.add(nic(nic));
        }
        return lines;
    }

    public static String nic(LiveNic nic) {
        NicSpec c = nic.current();
        String where = nic.plugged() && nic.persisted() ? "live+persistent" : nic.plugged() ? "live only" : "persistent only";
        StringBuilder b = new StringBuilder(nic.label());
        if (nic.name() != null && nic.mac() != null) {
            b.append(' ').append(nic.mac());
        }
        b.append(' ').append(c.network().display()).append(" link ").append(c.link().yaml());
        if (c.model() != null) {
            b.append(" model ").append(c.model());
        }
        b.append(" [").append(where).append(']');
        if (nic.plugged() && nic.persisted() && !nic.live().equals(nic.persistent())) {
            b.append(" (persistent: ").append(nic.persistent().network().display())
                    .append(" link ").append(nic.persistent().link().yaml()).append(')');
        }
        return b.toString();
    }
}
