package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.TargetException;
import java.util.Locale;

/**
 * The target's {@code hotplug} setting: {@code in-place} and {@code migration} say how this cluster plugs
 * NICs; {@code auto} looks for the multus dynamic-networks controller, without which KubeVirt can plug a NIC
 * only by migrating the VM.
 */
enum HotplugSetting {
    AUTO,
    IN_PLACE,
    MIGRATION;

    static HotplugSetting parse(String text) throws TargetException {
        String key = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "auto" -> AUTO;
            case "in-place" -> IN_PLACE;
            case "migration" -> MIGRATION;
            default -> throw new TargetException(TargetException.Reason.UNSUPPORTED,
                    "hotplug: " + text + " is not one of auto, in-place, migration");
        };
    }

    HotplugMode mode(ClusterInfo cluster) {
        return switch (this) {
            case IN_PLACE -> HotplugMode.IN_PLACE;
            case MIGRATION -> HotplugMode.MIGRATION;
            case AUTO -> cluster.dynamicNetworks() ? HotplugMode.IN_PLACE : HotplugMode.MIGRATION;
        };
    }
}
