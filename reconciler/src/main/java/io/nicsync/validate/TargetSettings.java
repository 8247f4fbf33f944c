package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.List;
import java.util.Optional;

/**
 * Each target has only the settings its plugin declares: a key another kind has ({@code context} on a libvirt
 * target) would be ignored by this one, and whoever wrote it expects an effect that never comes. (A key no plugin
 * has is the schema's error, with its suggestion.)
 */
final class TargetSettings implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        if (d.config() == null) {
            return;
        }
        List<TargetConfig> targets = d.config().targets();
        for (int i = 0; i < targets.size(); i++) {
            TargetConfig target = targets.get(i);
            Optional<TargetPlugin> plugin = d.plugins().get(target.kind());
            if (plugin.isEmpty()) {
                continue;
            }
            List<String> declared = plugin.get().settings().stream().map(TargetSetting::name).toList();
            for (String key : target.settings().keySet()) {
                if (!declared.contains(key)) {
                    out.errorAtKey(d.configDoc(), "/targets/" + i + "/" + key, "setting \"" + key + "\" is not a "
                            + plugin.get().platform() + " setting (" + target.kind() + " targets have: "
                            + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
                }
            }
        }
    }
}
