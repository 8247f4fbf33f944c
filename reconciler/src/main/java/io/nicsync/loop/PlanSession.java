package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.time.Clock;
import java.util.Map;

/**
 * Plans again and again from one repository, for a process that runs for long ({@code nicsync serve}): between
 * two {@link #plan()} calls it keeps the Git source open (a commit that has not moved is not read again), each
 * file's parse and schema check by blob id (a push parses only the files it changed), and the targets open with
 * their watches (KubeVirt observes from informer caches instead of listing). A cycle in which nothing changed
 * therefore reads nothing again but the ref and what the watches delivered.
 *
 * <p>Nothing cached can hide a change: a file is reused only under its exact path and content, the rules across
 * files run on every new commit, a VM is read again whenever its resourceVersions move, and targets are opened
 * again when {@code nicsync.yaml} changes them or one became unreachable. Live readings may lag the platform by a
 * watch's delay; applying a plan observes its VMs directly first and refuses a stale one.
 *
 * <p>One session serves one loop; its methods are synchronized.
 */
public final class PlanSession implements AutoCloseable {
    private final SourceSpec spec;
    private final Selection selection;
    private final Clock clock;
    private final GitSource source;
    private final Validator validator;
    private final ValidationCache files = new ValidationCache();
    private final KeptTargets targets;
    private Desired desired;

    private PlanSession(SourceSpec spec, Map<String, TargetPlugin> plugins, Selection selection,
            Map<String, Map<String, String>> overrides, Clock clock, GitSource source) {
        this.spec = spec;
        this.selection = selection;
        this.targets = new KeptTargets(plugins, overrides);
        this.clock = clock;
        this.source = source;
        this.validator = new Validator(plugins);
    }

    /**
     * Opens the repository and reads the ref's commit once: a remote cloned now is up to date only now, and every
     * later read fetches.
     *
     * @param overrides settings replacing the repository's, by target name ({@code --target-uri})
     */
    public static PlanSession open(SourceSpec spec, Map<String, TargetPlugin> plugins, Selection selection,
            Map<String, Map<String, String>> overrides, Clock clock) throws SourceException {
        GitSource source = GitSource.open(spec);
        try {
            source.read();
        } catch (SourceException | RuntimeException e) {
            source.close();
            throw e;
        }
        return new PlanSession(spec, plugins, selection, overrides, clock, source);
    }

    /**
     * The plan from the desired state at the ref's commit now to the selected VMs as observed now.
     *
     * @throws InvalidDesiredStateException the commit does not validate; nothing was observed
     */
    public synchronized Plan plan()
            throws SourceException, InvalidDesiredStateException, TargetException, MissingVmsException {
        Snapshot snapshot = source.read();
        boolean fresh = desired == null || desired.snapshot() != snapshot;
        try (EarlyTargets early = fresh ? targets.early(snapshot, validator, selection, Target::observeAllWatched)
                : EarlyTargets.none()) {
            Desired now = desired(snapshot);
            OpenTargets open = targets.of(now, now.targetsOf(selection), early);
            return Observation.observe(now, selection, open, early.listing(Target::observeAllWatched)).plan(clock);
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.UNREACHABLE) {
                targets.close(); // opened afresh on the next call
            }
            throw e;
        }
    }

    /** The validated desired state at the ref's commit now, read and validated again only where it changed. */
    public synchronized Desired desired() throws SourceException, InvalidDesiredStateException {
        return desired(source.read());
    }

    private Desired desired(Snapshot snapshot) throws InvalidDesiredStateException {
        if (desired == null || desired.snapshot() != snapshot) {
            desired = Desired.validate(spec.repo(), snapshot, validator, files);
        }
        return desired;
    }

    /** The targets the last {@link #plan()} observed, still open: apply its plan through these. */
    public synchronized OpenTargets targets() {
        OpenTargets open = targets.current();
        if (open == null) {
            throw new IllegalStateException("no plan made yet");
        }
        return open;
    }

    /** Files whose checks were reused from an earlier commit instead of being made again, over the session. */
    public synchronized int filesReused() {
        return files.reused();
    }

    @Override
    public synchronized void close() {
        try {
            targets.close();
        } finally {
            source.close();
        }
    }
}
