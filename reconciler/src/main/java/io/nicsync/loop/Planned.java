package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One plan of one commit ({@code nicsync plan}), and the desired state it was made from. */
public record Planned(Desired desired, Plan plan) {

    /**
     * Reads the commit, validates it while its targets are opened and listed ({@link EarlyTargets}), observes the
     * selected VMs and plans.
     *
     * @param overrides settings replacing the repository's, by target name ({@code --target-uri})
     */
    public static Planned of(SourceSpec spec, Plugins plugins,
            TargetOverrides overrides, Selection selection, Clock clock) throws RunFailure {
        // the schemas compile while the commit is read: each takes a few tens of milliseconds
        CompletableFuture<Validator> validator = CompletableFuture.supplyAsync(() -> new Validator(plugins),
                task -> Thread.ofVirtual().name("nicsync-schemas").start(task));
        // the files whose checks the cache directory holds are neither read nor parsed
        ValidationCache cache = ValidationCache.onDisk(plugins, spec.cacheDir());
        Snapshot snapshot;
        try {
            snapshot = GitSource.read(spec, cache::has);
        } catch (SourceException e) {
            throw new RunFailure.Git(e);
        }
        return of(spec.repo(), snapshot, plugins, validator.join(), cache, overrides, selection, clock);
    }

    /** As {@link #of(SourceSpec, Plugins, TargetOverrides, Selection, Clock)}, on a commit already read. */
    static Planned of(String repo, Snapshot snapshot, Plugins plugins,
            TargetOverrides overrides, Selection selection, Clock clock) throws RunFailure {
        return of(repo, snapshot, plugins, new Validator(plugins), new ValidationCache(), overrides, selection, clock);
    }

    private static Planned of(String repo, Snapshot snapshot, Plugins plugins, Validator validator,
            ValidationCache cache, TargetOverrides overrides, Selection selection, Clock clock) throws RunFailure {
        try (EarlyTargets early = EarlyTargets.start(snapshot, validator, plugins, overrides, selection,
                Target::observeAll)) {
            Desired desired = Desired.validate(repo, snapshot, validator, cache);
            List<TargetConfig> configs = OpenTargets.chosen(desired.state().config().targets(), plugins, overrides,
                    desired.targetsOf(selection));
            try (OpenTargets open = early.take(configs, plugins)) {
                return new Planned(desired,
                        Observation.observe(desired, selection, open, early.listing(Target::observeAll)).plan(clock));
            }
        } catch (TargetException e) {
            throw new RunFailure.Platform(e);
        }
    }
}
