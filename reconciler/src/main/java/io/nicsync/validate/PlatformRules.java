package io.nicsync.validate;

import io.nicsync.spi.Finding;
import io.nicsync.spi.TargetPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's own rules ({@link TargetPlugin#check}), whose findings point into the VM's document and
 * are reported at the file, line and column of that node. A VM checked as several platforms at once (its target is
 * not declared, {@link CheckedAs}) gets what every one of them finds at the same place: a problem whichever the
 * target turns out to be.
 */
final class PlatformRules implements Rule {
    /** A place in the document and how bad what is found there is. */
    private record At(String path, Finding.Severity severity) {}

    @Override
    public void check(Declarations d, Diagnostics out) {
        for (Declared vm : d.vms()) {
            List<TargetPlugin> plugins = d.checkedAs(vm).plugins();
            if (plugins.size() == 1) {
                findings(vm, plugins.getFirst(), out).forEach(f -> report(vm, f, out));
            } else if (plugins.size() > 1) {
                agreed(vm, plugins, out).forEach(f -> report(vm, f, out));
            }
        }
    }

    /** The findings every plugin has at the same node with the same severity, each saying it in its own words. */
    private static List<Finding> agreed(Declared vm, List<TargetPlugin> plugins, Diagnostics out) {
        Map<At, Map<String, List<String>>> said = new LinkedHashMap<>(); // what each kind says there
        for (TargetPlugin plugin : plugins) {
            for (Finding f : findings(vm, plugin, out)) {
                said.computeIfAbsent(new At(f.path(), f.severity()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(plugin.kind(), k -> new ArrayList<>()).add(f.message());
            }
        }
        List<Finding> agreed = new ArrayList<>();
        for (var at : said.entrySet()) {
            if (at.getValue().size() < plugins.size()) {
                continue;
            }
            List<String> words = at.getValue().values().stream().map(m -> String.join("; ", m)).distinct().toList();
            String message = words.size() == 1 ? words.getFirst() : String.join(". ", at.getValue().entrySet().stream()
                    .map(e -> e.getKey() + ": " + String.join("; ", e.getValue())).toList());
            agreed.add(new Finding(at.getKey().path(), at.getKey().severity(), message));
        }
        return agreed;
    }

    /** What {@code plugin} finds; a broken third-party plugin must not take the whole validation down with it. */
    private static List<Finding> findings(Declared vm, TargetPlugin plugin, Diagnostics out) {
        try {
            return plugin.check(vm.vm());
        } catch (RuntimeException e) {
            out.error(vm.doc(), "", "the " + plugin.kind() + " plugin failed to check this VM: " + e);
            return List.of();
        }
    }

    private static void report(Declared vm, Finding finding, Diagnostics out) {
        Location at = vm.doc().at(finding.path());
        if (finding.severity() == Finding.Severity.ERROR) {
            out.error(vm.doc().file(), at, finding.message());
        } else {
            out.warning(vm.doc().file(), at, finding.message());
        }
    }
}
