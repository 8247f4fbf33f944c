package io.nicsync.validate;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.Presence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A MAC names one NIC: it must be unicast, not all zeros, and used once per target (one layer-2 domain as
 * far as nicsync can tell), across VMs and within one. NICs being unplugged are left out of the uniqueness
 * check: they are releasing their address, possibly to a new NIC of the same VM.
 */
final class MacAddresses implements Rule {

    private record Use(Declared vm, int nic) {
        String describe() {
            return "NIC \"" + vm.vm().nics().get(nic).name() + "\" of VM " + vm.vm().ref() + " ("
                    + vm.doc().where(Declared.nic(nic) + "/mac") + ")";
        }
    }

    @Override
    public void check(Declarations d, Diagnostics out) {
        Map<String, Map<MacAddress, Use>> byTarget = new HashMap<>();
        for (Declared vm : d.vms()) {
            List<DesiredNic> nics = vm.vm().nics();
            for (int i = 0; i < nics.size(); i++) {
                MacAddress mac = nics.get(i).mac();
                if (mac == null) {
                    continue;
                }
                String at = Declared.nic(i) + "/mac";
                if (mac.isAllZero()) {
                    out.error(vm.doc(), at, "MAC " + mac + " is all zeros: it cannot name a NIC");
                } else if (mac.isMulticast()) {
                    out.error(vm.doc(), at, "MAC " + mac + " is a multicast address (the lowest bit of its first"
                            + " octet is set): a NIC needs a unicast address");
                }
                if (nics.get(i).state() == Presence.PRESENT) {
                    Use first = byTarget.computeIfAbsent(vm.vm().ref().target(), t -> new HashMap<>())
                            .putIfAbsent(mac, new Use(vm, i));
                    if (first != null) {
                        out.error(vm.doc(), at, "MAC " + mac + " is already used on target \""
                                + vm.vm().ref().target() + "\" by " + first.describe());
                    }
                }
            }
        }
    }
}
