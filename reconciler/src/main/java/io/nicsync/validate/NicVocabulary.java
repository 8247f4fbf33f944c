package io.nicsync.validate;

import io.nicsync.platforms.Plugins;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.Vocabulary;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each NIC uses only what its target's plugin declares: a network kind it has (no multus on libvirt, no bridge on
 * KubeVirt), and a {@code model} and {@code binding} it accepts. A key the platform does not have at all is an
 * error too: a libvirt NIC would silently ignore a binding, and whoever wrote one expects an effect that never
 * comes.
 */
final class NicVocabulary implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        for (Declared vm : d.vms()) {
            Optional<TargetPlugin> plugin = d.pluginOf(vm);
            if (plugin.isEmpty()) {
                continue;
            }
            List<String> kinds = Plugins.declarableKeys(plugin.get());
            List<DesiredNic> nics = vm.vm().nics();
            for (int i = 0; i < nics.size(); i++) {
                String kind = nics.get(i).network().kind();
                if (!kinds.contains(kind)) {
                    out.errorAtKey(vm.doc(), Declared.nic(i) + "/network/" + kind, "network kind \"" + kind
                            + "\" is not available on target \"" + vm.vm().ref().target() + "\" ("
                            + plugin.get().kind() + " has: " + String.join(", ", kinds) + ")");
                }
                check(d, vm, i, "model", DesiredNic::model, TargetPlugin::models, plugin.get(), out);
                check(d, vm, i, "binding", DesiredNic::binding, TargetPlugin::bindings, plugin.get(), out);
            }
        }
    }

    private static void check(Declarations d, Declared vm, int nic, String key, Function<DesiredNic, String> field,
            Function<TargetPlugin, Vocabulary> vocabulary, TargetPlugin plugin, Diagnostics out) {
        String value = field.apply(vm.vm().nics().get(nic));
        if (value == null) {
            return;
        }
        String at = Declared.nic(nic) + "/" + key;
        Vocabulary accepted = vocabulary.apply(plugin);
        if (!accepted.exists()) {
            List<String> having = d.plugins().all().stream().filter(p -> vocabulary.apply(p).exists())
                    .map(TargetPlugin::platform).toList();
            out.error(vm.doc(), at, key + (having.isEmpty() ? " is not a " + plugin.platform() + " setting"
                    : " is a " + String.join(" and ", having) + " setting") + "; " + plugin.platform()
                    + " NICs have none, remove it");
        } else if (!accepted.accepts(value)) {
            String hint = Suggestions.closest(value, accepted.known()).map(s -> ": did you mean \"" + s + "\"?").orElse("");
            out.error(vm.doc(), at, key + " \"" + value + "\" is not available on target \"" + vm.vm().ref().target()
                    + "\"" + hint + " (" + plugin.kind() + " has: " + String.join(", ", accepted.known()) + ")");
        }
    }
}
