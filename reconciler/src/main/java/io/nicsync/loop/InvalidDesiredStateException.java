package io.nicsync.loop;

import io.nicsync.source.Snapshot;
import io.nicsync.validate.Diagnostic;
import java.util.List;

/** The desired state did not validate: nothing may reach a live system. Carries every diagnostic. */
public final class InvalidDesiredStateException extends RunFailure {
    private final transient Snapshot snapshot;
    private final List<Diagnostic> diagnostics;

    InvalidDesiredStateException(Snapshot snapshot, List<Diagnostic> diagnostics) {
        super("the desired state at commit " + snapshot.commitId().substring(0, 12) + " is not valid: "
                + diagnostics.stream().filter(Diagnostic::isError).count() + " error(s); run nicsync validate", null);
        this.snapshot = snapshot;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
