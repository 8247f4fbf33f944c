package io.nicsync.validate;

import io.nicsync.spi.Finding;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Optional;

/**
 * The platform's own rules ({@link TargetPlugin#check}), whose findings point into the VM's document and
 * are reported at the file, line and column of that node.
 */
final class PlatformRules implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        for (Declared vm : d.vms()) {
            Optional<TargetPlugin> plugin = d.pluginOf(vm);
            if (plugin.isPresent()) {
                report(vm, plugin.get(), out);
            }
        }
    }

    private static void report(Declared vm, TargetPlugin plugin, Diagnostics out) {
        List<Finding> findings;
        try {
            findings = plugin.check(vm.vm());
        } catch (RuntimeException e) {
            // A broken third-party plugin must not take the whole validation down with it.
            out.error(vm.doc(), "", "the " + plugin.kind() + " plugin failed to check this VM: " + e);
            return;
        }
        for (Finding finding : findings) {
            Location at = vm.doc().at(finding.path());
            if (finding.severity() == Finding.Severity.ERROR) {
                out.error(vm.doc().file(), at, finding.message());
            } else {
                out.warning(vm.doc().file(), at, finding.message());
            }
        }
    }
}
