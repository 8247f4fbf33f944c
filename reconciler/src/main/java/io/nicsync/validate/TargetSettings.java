package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.List;
import java.util.Optional;

/**
 * Each target has only the settings its plugin declares: a key another kind has ({@code context} on a libvirt
 * target) would be ignored by this one, and whoever wrote it expects an effect that never comes. (A key no plugin
 * has is the schema's error, with its suggestion.) Read from the document itself, so that it is reported with the
 * schema's own errors in {@code nicsync.yaml}, not after they are fixed.
 */
final class TargetSettings implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        JsonNode targets = d.configDoc() == null ? null : d.configDoc().root().get("targets");
        if (targets == null || !targets.isArray()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            JsonNode target = targets.get(i);
            Optional<TargetPlugin> plugin = target.path("kind").isTextual()
                    ? d.plugins().get(target.get("kind").textValue()) : Optional.empty();
            if (plugin.isEmpty() || !target.isObject()) {
                continue;
            }
            List<String> declared = plugin.get().settings().stream().map(TargetSetting::name).toList();
            var keys = target.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.equals("name") && !key.equals("kind") && !declared.contains(key) && ofAnotherKind(d, key)) {
                    out.errorAtKey(d.configDoc(), "/targets/" + i + "/" + key, "setting \"" + key + "\" is not a "
                            + plugin.get().platform() + " setting (" + plugin.get().kind() + " targets have: "
                            + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
                }
            }
        }
    }

    /** A key some plugin has: one no plugin has is the schema's to report, with its suggestion. */
    private static boolean ofAnotherKind(Declarations d, String key) {
        return d.plugins().all().stream().anyMatch(p -> p.settings().stream().anyMatch(s -> s.name().equals(key)));
    }
}
