package io.nicsync.loop;

import io.nicsync.source.Snapshot;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Validation;
import java.util.List;

/** The desired state did not validate: nothing may reach a live system. Carries every diagnostic. */
public final class InvalidDesiredStateException extends RunFailure {
    private final transient Snapshot snapshot;
    private final List<Diagnostic> diagnostics;

    private final int omitted;

    InvalidDesiredStateException(Snapshot snapshot, Validation validation) {
        super("the desired state at commit " + snapshot.commitId().substring(0, 12) + " is not valid: "
                + validation.errorCount() + " error(s); run nicsync validate", null);
        this.snapshot = snapshot;
        this.diagnostics = validation.diagnostics();
        this.omitted = validation.omitted();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The first diagnostics, as many as a validation keeps. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Diagnostics found beyond those kept. */
    public int omitted() {
        return omitted;
    }
}
