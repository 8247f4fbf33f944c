package io.nicsync.validate;

import java.util.List;

/**
 * The outcome of validating the desired-state files of one commit.
 *
 * @param state the desired state, or null when there is at least one error
 * @param diagnostics the errors and warnings kept, sorted by file, line and column: every one, or the first ones
 *     when there were more than a validation keeps ({@link #omitted()} counts the others)
 * @param errorCount every error, those kept and those omitted
 * @param warningCount every warning, those kept and those omitted
 */
public record Validation(DesiredState state, List<Diagnostic> diagnostics, int errorCount, int warningCount) {
    public Validation {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A validation that kept every diagnostic. */
    public Validation(DesiredState state, List<Diagnostic> diagnostics) {
        this(state, diagnostics, (int) diagnostics.stream().filter(Diagnostic::isError).count(),
                (int) diagnostics.stream().filter(d -> !d.isError()).count());
    }

    public boolean ok() {
        return state != null;
    }

    /** The errors kept. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** Diagnostics found and not kept: past the first ones a validation keeps. */
    public int omitted() {
        return errorCount + warningCount - diagnostics.size();
    }

    /** {@code ... and 90372 more not shown}, or empty when every diagnostic is kept. */
    public String omittedLine() {
        return omitted() == 0 ? "" : "... and " + omitted() + " more diagnostic(s) not shown";
    }
}
