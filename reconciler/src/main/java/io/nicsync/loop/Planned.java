package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One plan of one commit ({@code nicsync plan}), and the desired state it was made from. */
public record Planned(Desired desired, Plan plan) {

    /**
     * Reads the commit, validates it while its targets are opened and listed ({@link EarlyTargets}), observes the
     * selected VMs and plans.
     *
     * @param overrides settings replacing the repository's, by target name ({@code --target-uri})
     */
    public static Planned of(SourceSpec spec, Map<String, TargetPlugin> plugins,
            Map<String, Map<String, String>> overrides, Selection selection, Clock clock)
            throws SourceException, InvalidDesiredStateException, TargetException, MissingVmsException {
        Snapshot snapshot = GitSource.read(spec);
        Validator validator = new Validator(plugins);
        try (EarlyTargets early = EarlyTargets.start(snapshot, validator, plugins, overrides, selection,
                Target::observeAll)) {
            Desired desired = Desired.validate(spec.repo(), snapshot, validator, new ValidationCache());
            Set<String> wanted = desired.targetsOf(selection);
            List<TargetConfig> configs = desired.state().config().targets().stream()
                    .filter(t -> wanted.isEmpty() || wanted.contains(t.name()))
                    .map(t -> OpenTargets.withOverrides(t, overrides))
                    .toList();
            try (OpenTargets open = early.take(configs, plugins)) {
                return new Planned(desired,
                        Observation.observe(desired, selection, open, early.listing(Target::observeAll)).plan(clock));
            }
        }
    }
}
