package io.nicsync.testing;

import io.nicsync.platforms.Plugins;
import io.nicsync.spi.Target;
import io.nicsync.tck.OpenedBy;

/** The installed plugins, one kind's rules with targets in memory behind them, so that runs need no hypervisor. */
public final class FakePlugin {
    private FakePlugin() {
    }

    /** The installed plugins, with {@code kind}'s opening {@code target} for every target. */
    public static Plugins with(String kind, Target target) {
        return with(kind, config -> target);
    }

    /** The installed plugins, with {@code kind}'s opening targets with {@code opener}. */
    public static Plugins with(String kind, OpenedBy.Opener opener) {
        Plugins installed = Plugins.installed();
        return installed.with(new OpenedBy(installed.get(kind).orElseThrow(), opener));
    }
}
