package io.nicsync.validate;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Each NIC's network is of a kind its target's platform has (no multus on libvirt, no bridge on KubeVirt). */
final class NetworkKinds implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        for (Declared vm : d.vms()) {
            Optional<TargetPlugin> plugin = d.pluginOf(vm);
            if (plugin.isEmpty()) {
                continue;
            }
            List<DesiredNic> nics = vm.vm().nics();
            for (int i = 0; i < nics.size(); i++) {
                String kind = nics.get(i).network().kind();
                if (!plugin.get().networkKinds().contains(kind)) {
                    out.errorAtKey(vm.doc(), Declared.nic(i) + "/network/" + kind, "network kind \"" + kind
                            + "\" is not available on target \"" + vm.vm().ref().target() + "\" ("
                            + plugin.get().kind() + " has: "
                            + String.join(", ", new TreeSet<>(plugin.get().networkKinds())) + ")");
                }
            }
        }
    }
}
