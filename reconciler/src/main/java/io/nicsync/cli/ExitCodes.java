package io.nicsync.cli;

/** Exit codes, shared by every command (Terraform's -detailed-exitcode for plan; DESIGN §4 for apply). */
final class ExitCodes {
    static final int OK = 0;
    /** An error, or (validate) invalid input; nothing was changed. */
    static final int ERROR = 1;
    /** plan --detailed-exitcode: there are changes. */
    static final int CHANGES = 2;

    private ExitCodes() {
    }
}
