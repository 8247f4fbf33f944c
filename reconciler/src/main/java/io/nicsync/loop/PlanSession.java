package io.nicsync.loop;

import io.nicsync.plan.KeptVmPlans;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.CommitSigner;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans again and again from one repository, for a process that runs for long ({@code nicsync serve}, whose
 * reconcile cycles plan through one): between two plans it keeps the Git source open (a commit that has not moved is
 * not read again), each file's parse and schema check by blob id (a push parses only the files it changed), and the
 * targets open with their watches (KubeVirt observes from informer caches instead of listing). A cycle in which
 * nothing changed therefore reads nothing again but the ref and what the watches delivered. A new head is checked
 * by the {@link #trust} seam before anything else happens with it, and its targets are opened and listed while its
 * files validate ({@link EarlyTargets}).
 *
 * <p>Nothing cached can hide a change: a file is reused only under its exact path and content, the rules across
 * files run on every new commit, a VM is read again whenever its resourceVersions move, and targets are opened
 * again when {@code nicsync.yaml} changes them or one became unreachable. Live readings may lag the platform by a
 * watch's delay; applying a plan observes its VMs directly first and refuses a stale one.
 *
 * <p>One session serves one loop; its methods are synchronized.
 */
public final class PlanSession implements AutoCloseable {

    /**
     * One plan and what it was made from.
     *
     * @param targets the targets planned (those of the selected VMs that the caller owns); empty plans nothing
     * @param observed each planned VM as desired next to how it was observed
     * @param signer who signed the commit, when the {@link #trust} seam verified a signature; null otherwise
     */
    public record Planning(Desired desired, Set<String> targets, Plan plan, List<PlanInput> observed,
            CommitSigner signer) {
        public Planning {
            observed = List.copyOf(observed);
        }
    }

    private final SourceSpec spec;
    private final Selection selection;
    private final Clock clock;
    private final GitSource source;
    private final Validator validator;
    private final ValidationCache files;
    private final KeptTargets targets;
    private CommitTrust trust = CommitTrust.ANY;
    private Snapshot trusted;
    private CommitSigner signer;
    private Desired desired;
    /** Each VM as the last plan planned it: planned again only when its inputs are other objects. */
    private final KeptVmPlans plans = new KeptVmPlans();

    private PlanSession(SourceSpec spec, Plugins plugins, Selection selection, TargetOverrides overrides, Clock clock,
            GitSource source, ValidationCache cache) {
        this.spec = spec;
        this.selection = selection;
        this.targets = new KeptTargets(plugins, overrides);
        this.clock = clock;
        this.source = source;
        this.validator = new Validator(plugins);
        this.files = cache;
    }

    /**
     * Opens the repository and reads the ref's commit once: a remote cloned now is up to date only now, and every
     * later read fetches.
     *
     * @param overrides settings replacing the repository's ({@code --target-uri}, {@code --target-setting})
     */
    public static PlanSession open(SourceSpec spec, Plugins plugins, Selection selection, TargetOverrides overrides,
            Clock clock) throws RunFailure {
        GitSource source;
        try {
            source = GitSource.open(spec);
        } catch (SourceException e) {
            throw new RunFailure.Git(e);
        }
        // a session's first plan takes the checks an earlier process left in the cache directory
        ValidationCache cache = ValidationCache.onDisk(plugins, spec.cacheDir());
        source.deferring(cache::has);
        try {
            source.read();
        } catch (SourceException e) {
            source.close();
            throw new RunFailure.Git(e);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return new PlanSession(spec, plugins, selection, overrides, clock, source, cache);
    }

    /** Seam: whether a head may be planned; checked once per new head, before it is validated or anything opened. */
    public synchronized PlanSession trust(CommitTrust commitTrust) {
        this.trust = commitTrust;
        this.trusted = null;
        this.signer = null;
        return this;
    }

    /** The ref's commit now: fetched, and the same snapshot as last time while the commit has not moved. */
    public synchronized Snapshot read() throws RunFailure {
        try {
            return source.read();
        } catch (SourceException e) {
            throw new RunFailure.Git(e);
        }
    }

    /**
     * The plan from the desired state at the ref's commit now to the selected VMs as observed now.
     *
     * @throws InvalidDesiredStateException the commit does not validate; nothing was observed
     */
    public synchronized Plan plan() throws RunFailure {
        return plan(read(), target -> true).plan();
    }

    /**
     * The plan from {@code snapshot} (read by {@link #read}) to the selected VMs on the targets {@code owned} accepts,
     * as observed now: through the targets' watches, so a cycle in which nothing moved reads nothing.
     *
     * @throws RunFailure.Git untrusted: a new head the {@link #trust} seam refuses
     */
    public synchronized Planning plan(Snapshot snapshot, Predicate<String> owned) throws RunFailure {
        try {
            return planned(snapshot, owned);
        } catch (SourceException e) {
            throw new RunFailure.Git(e);
        } catch (TargetException e) {
            dropTargets(e);
            throw new RunFailure.Platform(e);
        }
    }

    private Planning planned(Snapshot snapshot, Predicate<String> owned)
            throws SourceException, TargetException, RunFailure {
        if (snapshot != trusted) {
            signer = trust.verify(source, snapshot);
            trusted = snapshot;
        }
        boolean fresh = desired == null || desired.snapshot() != snapshot;
        try (EarlyTargets early = fresh ? targets.early(snapshot, validator, selection, owned, Target::observeAllWatched)
                : EarlyTargets.none()) {
            Desired now = desired(snapshot);
            Set<String> names = owned(now, owned);
            OpenTargets open = targets.of(now, names, early);
            Observation observed = names.isEmpty() ? new Observation(now, List.of())
                    : Observation.observe(now, new Selection(names, selection.vms()), open,
                            early.listing(Target::observeAllWatched));
            return new Planning(now, names, observed.plan(clock, plans), observed.inputs(), signer);
        }
    }

    /** {@code planning} made again from the VMs as observed now, on the same targets (after a recovery changed them). */
    public synchronized Plan replan(Planning planning) throws RunFailure {
        if (planning.targets().isEmpty()) {
            return planning.plan();
        }
        try {
            return Observation.observe(planning.desired(), new Selection(planning.targets(), selection.vms()), targets(),
                    Target::observeAllWatched).plan(clock, plans);
        } catch (TargetException e) {
            dropTargets(e);
            throw new RunFailure.Platform(e);
        }
    }

    /** The validated desired state at the ref's commit now, read and validated again only where it changed. */
    public synchronized Desired desired() throws RunFailure {
        return desired(read());
    }

    private Desired desired(Snapshot snapshot) throws InvalidDesiredStateException {
        if (desired == null || desired.snapshot() != snapshot) {
            desired = Desired.validate(spec.repo(), snapshot, validator, files);
        }
        return desired;
    }

    private Set<String> owned(Desired d, Predicate<String> owned) throws RunFailure.NothingSelected {
        Set<String> names = new LinkedHashSet<>();
        d.targetsOf(selection).stream().filter(owned).forEach(names::add);
        return names;
    }

    /** The targets the last plan observed, still open: apply its plan through these. */
    public synchronized OpenTargets targets() {
        OpenTargets open = targets.current();
        if (open == null) {
            throw new IllegalStateException("no plan made yet");
        }
        return open;
    }

    /** Closes the open targets, so that the next plan opens them afresh (a connection that broke). */
    public synchronized void closeTargets() {
        targets.close();
    }

    private void dropTargets(TargetException e) {
        if (e.reason() == TargetException.Reason.UNREACHABLE) {
            targets.close(); // opened afresh on the next call
        }
    }

    /** The session's repository, open: where a run's status note goes. */
    public GitSource source() {
        return source;
    }

    /** Files whose checks were reused from an earlier commit instead of being made again, over the session. */
    public synchronized int filesReused() {
        return files.reused();
    }

    /** VMs the last plan took from the plan before it, their inputs the same objects, instead of planning them. */
    public synchronized int vmsReused() {
        return plans.reused();
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
