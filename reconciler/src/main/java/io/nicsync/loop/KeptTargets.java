package io.nicsync.loop;

import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.Validator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Targets a long-running process keeps open from one plan to the next (and with them what the plugins keep,
 * such as KubeVirt's watches): opened again only when their settings change, or after {@link #close} (a broken
 * connection is dropped so that the next plan opens it afresh).
 */
public final class KeptTargets implements AutoCloseable {
    private final Plugins plugins;
    private final TargetOverrides overrides;
    private OpenTargets open;
    private List<TargetConfig> openedWith;

    /** @param overrides settings replacing the repository's, by target name ({@code --target-uri}) */
    public KeptTargets(Plugins plugins, TargetOverrides overrides) {
        this.plugins = plugins;
        this.overrides = overrides;
    }

    /** The targets {@code names} of the desired state, open: those already open when their settings are the same. */
    public OpenTargets of(Desired desired, Set<String> names) throws TargetException {
        return of(desired, names, EarlyTargets.none());
    }

    /**
     * When no target is open yet, starts opening and listing those of {@code snapshot} while it is validated
     * ({@link EarlyTargets}); nothing otherwise: open targets are reused.
     */
    EarlyTargets early(Snapshot snapshot, Validator validator, Selection selection, Predicate<String> owned,
            Observation.Listing listing) {
        return open != null ? EarlyTargets.none()
                : EarlyTargets.start(snapshot, validator, plugins, overrides, selection, owned, listing);
    }

    /** As {@link #of(Desired, Set)}, taking what {@code early} opened when opening. */
    OpenTargets of(Desired desired, Set<String> names, EarlyTargets early) throws TargetException {
        List<TargetConfig> configs = OpenTargets.chosen(desired.state().config().targets(), plugins, overrides,
                names::contains);
        if (open == null || !configs.equals(openedWith)) {
            close();
            open = early.take(configs, plugins);
            openedWith = configs;
        }
        return open;
    }

    /** The targets the last {@link #of} returned, or null after {@link #close}. */
    OpenTargets current() {
        return open;
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
            openedWith = null;
        }
    }
}
