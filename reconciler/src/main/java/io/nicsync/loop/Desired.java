package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Validation;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A validated desired state and the commit it came from.
 *
 * @param repo the repository as given, local paths made absolute
 */
public record Desired(String repo, Snapshot snapshot, DesiredState state) {

    /**
     * Reads the commit and validates it; invalid input never goes further. The files whose checks nicsync's cache
     * directory holds already ({@link ValidationCache#onDisk}) are neither read nor parsed.
     */
    public static Desired read(SourceSpec spec, Plugins plugins)
            throws SourceException, InvalidDesiredStateException {
        ValidationCache cache = ValidationCache.onDisk(plugins, spec.cacheDir());
        return validate(spec.repo(), GitSource.read(spec, cache::has), new Validator(plugins), cache);
    }

    /**
     * The desired state a plan was made from, read again at the plan's own commit, so that a saved or
     * interrupted plan is applied against the targets it was planned for.
     *
     * @param access the repository and how to reach it; null for the plan's own repository with the default
     *     cache and credentials from the environment
     * @throws TamperedPlanException the plan has steps for VMs it does not cover, or VMs and targets its commit does
     *     not declare: nothing of it may be used, not even a target's name
     */
    public static Desired ofPlan(Plan plan, SourceSpec access, Plugins plugins)
            throws SourceException, InvalidDesiredStateException, UnknownPlanSourceException, TamperedPlanException {
        SourceSpec base = access;
        if (base == null) {
            if (plan.source().repo() == null) {
                throw new UnknownPlanSourceException();
            }
            base = SourceSpec.of(plan.source().repo());
        }
        Desired desired = read(base.withRef(plan.source().commitId()).withPath(plan.source().path()), plugins);
        PlanIntegrity.require(plan, desired.state());
        return desired;
    }

    public static Desired validate(String repo, Snapshot snapshot, Plugins plugins)
            throws InvalidDesiredStateException {
        return validate(repo, snapshot, new Validator(plugins), new ValidationCache());
    }

    /** Validates with a long-lived validator, checking again only the files {@code cache} does not hold. */
    public static Desired validate(String repo, Snapshot snapshot, Validator validator, ValidationCache cache)
            throws InvalidDesiredStateException {
        Validation validation = validator.validate(snapshot.files(), snapshot.path(), cache);
        if (!validation.ok()) {
            throw new InvalidDesiredStateException(snapshot, validation);
        }
        return new Desired(repo, snapshot, validation.state());
    }

    /**
     * The targets a run on the {@code selection} must open: those of the selected VMs.
     *
     * @throws RunFailure.NothingSelected a value of the selection matches no desired VM
     */
    public Set<String> targetsOf(Selection selection) throws RunFailure.NothingSelected {
        selection.check(state);
        Set<String> names = new LinkedHashSet<>();
        state.vms().stream().filter(selection::includes).forEach(vm -> names.add(vm.ref().target()));
        return names;
    }
}
