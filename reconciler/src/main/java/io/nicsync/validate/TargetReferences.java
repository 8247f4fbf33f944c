package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import java.util.List;

/** Every VM names a target that {@code nicsync.yaml} declares. */
final class TargetReferences implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        if (d.config() == null) {
            return;
        }
        List<String> known = d.config().targets().stream().map(TargetConfig::name).sorted().toList();
        for (Declared vm : d.vms()) {
            String target = vm.vm().ref().target();
            if (d.target(target).isEmpty()) {
                String hint = Suggestions.closest(target, known).map(s -> ": did you mean \"" + s + "\"?").orElse("");
                out.error(vm.doc(), "/metadata/target", "unknown target \"" + target + "\"" + hint + " (known: "
                        + String.join(", ", known) + ")" + d.checkedAs(vm).clause());
            }
        }
    }
}
