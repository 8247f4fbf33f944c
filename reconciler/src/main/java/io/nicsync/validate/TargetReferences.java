package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;

/** Every VM names a target that {@code nicsync.yaml} declares. */
final class TargetReferences implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        if (d.config() == null) {
            return;
        }
        String known = String.join(", ", d.config().targets().stream().map(TargetConfig::name).sorted().toList());
        for (Declared vm : d.vms()) {
            String target = vm.vm().ref().target();
            if (d.target(target).isEmpty()) {
                out.error(vm.doc(), "/metadata/target", "unknown target \"" + target + "\" (known: " + known + ")");
            }
        }
    }
}
