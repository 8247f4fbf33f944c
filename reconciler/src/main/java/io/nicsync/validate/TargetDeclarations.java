package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The targets of {@code nicsync.yaml}: each named once, each of a kind an installed plugin opens. */
final class TargetDeclarations implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        if (d.config() == null) {
            return;
        }
        List<TargetConfig> targets = d.config().targets();
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetConfig target = targets.get(i);
            String at = "/targets/" + i;
            String first = firstAt.putIfAbsent(target.name(), d.configDoc().where(at + "/name"));
            if (first != null) {
                out.error(d.configDoc(), at + "/name",
                        "target \"" + target.name() + "\" is declared twice (first at " + first + ")");
            }
            if (d.plugins().get(target.kind()).isEmpty()) {
                String hint = Suggestions.closest(target.kind(), List.copyOf(d.plugins().kinds()))
                        .map(s -> ": did you mean \"" + s + "\"?").orElse("");
                out.error(d.configDoc(), at + "/kind", "unknown target kind \"" + target.kind() + "\"" + hint
                        + " (installed plugins: " + String.join(", ", new TreeSet<>(d.plugins().kinds())) + ")");
            }
        }
    }
}
