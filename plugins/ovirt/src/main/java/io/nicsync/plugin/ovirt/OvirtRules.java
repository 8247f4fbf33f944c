package io.nicsync.plugin.ovirt;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Presence;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's rules on a desired VM that need no engine to check. Each is something the engine has no way to do,
 * so a desired state asking for it could never be reached:
 *
 * <ul>
 *   <li>every NIC is part of the VM's configuration: the engine has no NIC that is in the running VM only
 *       ({@code persist: false});</li>
 *   <li>no boot order per NIC: the API's {@code nic} has none (the VM's boot devices are a VM setting);</li>
 *   <li>NIC names of 1 to 50 characters (the engine's {@code NETWORK_INTERFACE_NAME_SIZE});</li>
 *   <li>VMs have no namespace.</li>
 * </ul>
 */
final class OvirtRules {
    static final int MAX_NAME = 50;

    private OvirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        List<Finding> out = new ArrayList<>();
        if (vm.ref().namespace() != null) {
            out.add(Finding.error("/metadata/namespace", "oVirt VMs have no namespace; remove it"));
        }
        for (int i = 0; i < vm.nics().size(); i++) {
            DesiredNic nic = vm.nics().get(i);
            String at = "/spec/nics/" + i;
            if (nic.name().length() > MAX_NAME) {
                out.add(Finding.error(at + "/name", "oVirt NIC names have at most " + MAX_NAME + " characters; "
                        + nic.name() + " has " + nic.name().length()));
            }
            if (nic.state() == Presence.ABSENT) {
                continue;
            }
            if (!nic.persist()) {
                out.add(Finding.error(at + "/persist", "oVirt NICs are always part of the VM's configuration: the"
                        + " engine has no NIC that is only in the running VM (remove persist: false; state: absent"
                        + " unplugs and removes a NIC)"));
            }
            if (nic.bootOrder() != null) {
                out.add(Finding.error(at + "/bootOrder", "the oVirt API has no boot order per NIC (boot devices are"
                        + " a setting of the VM); remove bootOrder"));
            }
        }
        return out;
    }
}
