package io.nicsync.loop;

import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.Config;
import io.nicsync.validate.Validator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * The targets of a desired state opened, and their VMs listed, while its files are still being validated: with
 * a large fleet each takes seconds, and they need nothing but {@code nicsync.yaml}. Started once the commit has
 * been read (and its signature trusted), from its {@code nicsync.yaml} checked on its own. Only reading happens
 * early; the validation still decides whether there is a plan. Targets the plan then does not use, or all of
 * them when the validation fails, are closed unused, and their errors are not reported: the validation's are.
 *
 * <p>Started only when the targets would be listed anyway: every VM of the selection counts, and the desired
 * state has more VM files than {@link Observation} looks up one by one.
 */
final class EarlyTargets implements AutoCloseable {
    /** Nothing started early: everything is opened and listed when asked for. */
    static EarlyTargets none() {
        return new EarlyTargets(new LinkedHashMap<>());
    }

    private record Early(TargetConfig config, CompletableFuture<Target> opened, CompletableFuture<List<LiveVm>> listed) {
    }

    /** Not taken yet, by target name. */
    private final Map<String, Early> pending;
    /** The early listings of the targets taken. */
    private final Map<Target, CompletableFuture<List<LiveVm>>> listings = new IdentityHashMap<>();
    private EarlyTargets(Map<String, Early> pending) {
        this.pending = pending;
    }

    /**
     * Opens and lists, each on a thread of its own, the targets of {@code snapshot}'s {@code nicsync.yaml} that the
     * selection can reach.
     *
     * @param overrides settings replacing the repository's, by target name ({@code --target-uri})
     * @param listing how a target's VMs are listed once it is open
     */
    static EarlyTargets start(Snapshot snapshot, Validator validator, Plugins plugins,
            TargetOverrides overrides, Selection selection, Observation.Listing listing) {
        return start(snapshot, validator, plugins, overrides, selection, target -> true, listing);
    }

    /**
     * As {@link #start(Snapshot, Validator, Plugins, TargetOverrides, Selection, Observation.Listing)}, on the targets
     * {@code owned} accepts.
     */
    static EarlyTargets start(Snapshot snapshot, Validator validator, Plugins plugins,
            TargetOverrides overrides, Selection selection, Predicate<String> owned, Observation.Listing listing) {
        long vmFiles = snapshot.files().stream().filter(f -> f.path().endsWith(".yaml") || f.path().endsWith(".yml"))
                .count() - 1;
        if (!selection.vms().isEmpty() || vmFiles <= Observation.LOOKUPS_UP_TO) {
            return none();
        }
        Optional<Config> config = validator.configAlone(snapshot.files(), snapshot.path());
        if (config.isEmpty()) {
            return none();
        }
        if (!config.get().targets().stream().map(TargetConfig::name).toList().containsAll(selection.targets())) {
            return none(); // a --target typo: refused once validated, before anything is opened
        }
        List<TargetConfig> targets;
        try {
            targets = OpenTargets.chosen(config.get().targets(), plugins, overrides, name -> owned.test(name)
                    && (selection.targets().isEmpty() || selection.targets().contains(name)));
        } catch (TargetException e) {
            return none(); // the same check fails again when the targets are opened, and is reported then
        }
        Map<String, Early> byName = new LinkedHashMap<>();
        for (TargetConfig target : targets) {
            CompletableFuture<Target> opened = new CompletableFuture<>();
            CompletableFuture<List<LiveVm>> listed = CompletableFuture.supplyAsync(() -> {
                try {
                    opened.complete(OpenTargets.openWith(plugins, target));
                } catch (TargetException | RuntimeException e) {
                    opened.completeExceptionally(e);
                    throw new CompletionException(e);
                }
                try {
                    return listing.of(opened.join());
                } catch (TargetException e) {
                    throw new CompletionException(e);
                }
            }, task -> Thread.ofVirtual().name("nicsync-early-" + target.name()).start(task));
            byName.put(target.name(), new Early(target, opened, listed));
        }
        return new EarlyTargets(byName);
    }

    /**
     * The targets {@code configs} (overrides applied) open: each one opened early with the same settings taken
     * (its failure thrown now), the others opened now. What was opened early and is not taken is closed.
     */
    OpenTargets take(List<TargetConfig> configs, Plugins plugins) throws TargetException {
        OpenTargets open;
        try {
            open = OpenTargets.open(configs, config -> {
                Early early = pending.remove(config.name());
                if (early == null || !early.config().equals(config)) {
                    if (early != null) {
                        discard(early);
                    }
                    return OpenTargets.openWith(plugins, config);
                }
                Target target = await(early.opened());
                listings.put(target, early.listed());
                return target;
            });
        } finally {
            close();
        }
        // a listing nobody asked for still reads through its target: closing waits for it
        listings.values().forEach(listed -> open.beforeClose(() -> listed.handle((vms, error) -> null).join()));
        return open;
    }

    /** Lists a target: its early listing when it was taken from here, else {@code otherwise}. */
    Observation.Listing listing(Observation.Listing otherwise) {
        return target -> {
            CompletableFuture<List<LiveVm>> listed = listings.remove(target);
            return listed != null ? await(listed) : otherwise.of(target);
        };
    }

    private static <T> T await(CompletableFuture<T> future) throws TargetException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TargetException t) {
                throw t;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Closes an early target once it is open, whether or not its listing is done; its errors go unreported. */
    private static void discard(Early early) {
        early.listed().whenComplete((l, e) -> early.opened().thenAccept(Target::close));
    }

    /** Closes what was opened early and not taken. */
    @Override
    public void close() {
        pending.values().forEach(EarlyTargets::discard);
        pending.clear();
    }
}
