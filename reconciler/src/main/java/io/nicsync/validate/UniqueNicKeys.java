package io.nicsync.validate;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.Presence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Within one VM, NIC names are unique (the name is the NIC's identity on the platform) and so are the boot
 * orders of NICs that are to be present (a NIC being unplugged boots nothing).
 */
final class UniqueNicKeys implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        for (Declared vm : d.vms()) {
            Map<String, Integer> names = new HashMap<>();
            Map<Integer, Integer> bootOrders = new HashMap<>();
            List<DesiredNic> nics = vm.vm().nics();
            for (int i = 0; i < nics.size(); i++) {
                DesiredNic nic = nics.get(i);
                Integer first = names.putIfAbsent(nic.name(), i);
                if (first != null) {
                    out.error(vm.doc(), Declared.nic(i) + "/name", "NIC \"" + nic.name()
                            + "\" is declared twice in this VM (first at line " + vm.doc().at(Declared.nic(first)) + ")");
                }
                if (nic.bootOrder() != null && nic.state() == Presence.PRESENT) {
                    Integer other = bootOrders.putIfAbsent(nic.bootOrder(), i);
                    if (other != null) {
                        out.error(vm.doc(), Declared.nic(i) + "/bootOrder", "bootOrder " + nic.bootOrder()
                                + " is already used by NIC \"" + nics.get(other).name() + "\" (line "
                                + vm.doc().at(Declared.nic(other) + "/bootOrder") + ")");
                    }
                }
            }
        }
    }
}
