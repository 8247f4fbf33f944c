package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import java.util.List;
import java.util.Optional;

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
                        + String.join(", ", known) + ")" + checkedAs(d, target));
            }
        }
    }

    /** What the VM's NICs were checked against meanwhile, so that no other problem waits for this one. */
    private static String checkedAs(Declarations d, String target) {
        Optional<TargetConfig> assumed = d.assumedFor(target);
        if (assumed.isEmpty()) {
            return "; its NICs are checked against a platform's rules once its target is declared";
        }
        boolean one = d.config().targets().stream().map(TargetConfig::kind).distinct().count() == 1;
        return "; its NICs were checked as " + assumed.get().kind() + " NICs, the kind of "
                + (one ? "every declared target" : "target \"" + assumed.get().name() + "\"");
    }
}
