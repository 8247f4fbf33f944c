package io.nicsync.loop;

import io.nicsync.apply.LockTimeoutException;
import io.nicsync.plan.StalePlanException;
import io.nicsync.source.SourceException;
import io.nicsync.source.UntrustedCommitException;
import io.nicsync.spi.TargetException;
import java.io.IOException;
import java.util.List;

/**
 * Why a run stopped before it changed anything (or why recovering an interrupted one could not go on): one closed
 * type, so that a caller maps every case (to an exit code, a cycle's outcome, a message) in one {@code switch}
 * instead of catching a list of checked exceptions. A failure of another layer is kept as the cause, its message
 * as this one's.
 *
 * <pre>{@code
 * catch (RunFailure f) {
 *     switch (f) {
 *         case RunFailure.Git g when g.untrusted() -> ...   // the head is not signed by a trusted key
 *         case InvalidDesiredStateException invalid -> ...  // every diagnostic
 *         case RunFailure.Platform p -> ...                  // a target failed: open it afresh next time
 *         default -> ...
 *     }
 * }
 * }</pre>
 */
public abstract sealed class RunFailure extends Exception
        permits InvalidDesiredStateException, MissingVmsException, PreflightFailedException, UnknownPlanSourceException,
                TamperedPlanException, RunFailure.Git, RunFailure.Platform, RunFailure.Locked, RunFailure.Stale, RunFailure.Journal,
                RunFailure.NothingSelected, RunFailure.Cut {

    RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The repository could not be read, or its head is not trusted. */
    public static final class Git extends RunFailure {
        Git(SourceException cause) {
            super(cause.getMessage(), cause);
        }

        /** The head is not signed by a trusted key: nothing was planned. */
        public boolean untrusted() {
            return getCause() instanceof UntrustedCommitException;
        }
    }

    /** A target could not be opened, observed or checked. */
    public static final class Platform extends RunFailure {
        Platform(TargetException cause) {
            super(cause.getMessage(), cause);
        }

        public TargetException.Reason reason() {
            return ((TargetException) getCause()).reason();
        }
    }

    /** Another apply holds a target for longer than this run waits. */
    public static final class Locked extends RunFailure {
        Locked(LockTimeoutException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A saved plan no longer describes its VMs. */
    public static final class Stale extends RunFailure {
        Stale(StalePlanException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The state directory (locks, journals) could not be read or written. */
    public static final class Journal extends RunFailure {
        Journal(IOException cause) {
            super("state directory: " + cause.getMessage(), cause);
        }
    }

    /** A {@code --target} or {@code --vm} that matches no desired VM: nothing was opened. */
    public static final class NothingSelected extends RunFailure {
        NothingSelected(List<String> problems) {
            super(String.join("\n", problems), null);
        }
    }

    /** The work before any change outlived its deadline and was cut: nothing was changed. */
    public static final class Cut extends RunFailure {
        Cut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A cut at a deadline, {@code message} saying which, with what the cut work ended with as the cause. */
    public static RunFailure cut(String message, Throwable cause) {
        return new Cut(message, cause);
    }

    /** A target's failure as a run's, for callers that observe through a run's open targets themselves. */
    public static RunFailure of(TargetException e) {
        return new Platform(e);
    }

    /** Work across the layers of a run, whose own failures {@link #during} turns into run failures. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws RunFailure, SourceException, TargetException, LockTimeoutException, StalePlanException,
                IOException, InterruptedException;
    }

    /** {@code work}'s result; a failure of another layer as the run failure it means. */
    static <T> T during(Work<T> work) throws RunFailure, InterruptedException {
        try {
            return work.run();
        } catch (SourceException e) {
            throw new Git(e);
        } catch (TargetException e) {
            throw new Platform(e);
        } catch (LockTimeoutException e) {
            throw new Locked(e);
        } catch (StalePlanException e) {
            throw new Stale(e);
        } catch (IOException e) {
            throw new Journal(e);
        }
    }
}
