package io.nicsync.plugin.ganeti;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ganeti's own rules on a desired VM, checked before anything connects. Each is something Ganeti refuses, or has
 * no way to do, so a desired state asking for it could never be reached:
 *
 * <ul>
 *   <li>no link state: Ganeti NICs are always up ({@code link: down} cannot be declared);</li>
 *   <li>one configuration per instance: a NIC cannot be in the running VM without being in it
 *       ({@code persist: false});</li>
 *   <li>no boot order per NIC: {@code boot_order} is a hypervisor parameter of the whole instance;</li>
 *   <li>one {@code nic_type} per instance: NICs of one VM cannot declare different models;</li>
 *   <li>NIC names that are purely numeric are refused (Ganeti would read them as indices), and so is
 *       {@code none}, which means "no name" to Ganeti;</li>
 *   <li>instances have no namespace.</li>
 * </ul>
 */
final class GanetiRules {
    private GanetiRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        List<Finding> out = new ArrayList<>();
        if (vm.ref().namespace() != null) {
            out.add(Finding.error("/metadata/namespace", "Ganeti instances have no namespace; remove it"));
        }
        String firstModel = null;
        String firstModelNic = null;
        for (int i = 0; i < vm.nics().size(); i++) {
            DesiredNic nic = vm.nics().get(i);
            String at = "/spec/nics/" + i;
            if (nic.name().matches("[0-9]+")) {
                out.add(Finding.error(at + "/name", "Ganeti refuses purely numeric NIC names (it would read "
                        + nic.name() + " as a NIC index); choose a name with a letter"));
            } else if (nic.name().toLowerCase(Locale.ROOT).equals("none")) {
                out.add(Finding.error(at + "/name", "Ganeti reads the NIC name \"none\" as no name at all;"
                        + " choose another"));
            }
            if (nic.state() == Presence.ABSENT) {
                continue;
            }
            if (nic.link() == LinkState.DOWN) {
                out.add(Finding.error(at + "/link", "Ganeti NICs have no link state: they are always up; remove"
                        + " link: down (or use state: absent to take the NIC out)"));
            }
            if (!nic.persist()) {
                out.add(Finding.error(at + "/persist", "Ganeti keeps one configuration per instance and plugs"
                        + " exactly what it holds: a NIC cannot be live only (remove persist: false)"));
            }
            if (nic.bootOrder() != null) {
                out.add(Finding.error(at + "/bootOrder", "Ganeti has no boot order per NIC (boot_order is a"
                        + " hypervisor parameter of the whole instance); remove bootOrder"));
            }
            if (nic.model() != null) {
                if (firstModel == null) {
                    firstModel = nic.model();
                    firstModelNic = nic.name();
                } else if (!firstModel.equals(nic.model())) {
                    out.add(Finding.error(at + "/model", "Ganeti's KVM has one nic_type per instance, for all"
                            + " its NICs: " + nic.name() + " says " + nic.model() + " but " + firstModelNic + " says "
                            + firstModel));
                }
                if (nic.model().equals(Models.NOT_HOTPLUGGABLE)) {
                    out.add(Finding.warning(at + "/model", Models.NOT_HOTPLUGGABLE + " is an ISA card: Ganeti"
                            + " cannot hotplug NICs of an instance with this nic_type, every NIC change waits for a"
                            + " restart"));
                }
            }
        }
        return out;
    }
}
