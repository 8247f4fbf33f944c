package io.nicsync.apply;

/**
 * The exit codes of every nicsync command, in one place: Terraform's {@code -detailed-exitcode} for {@code plan},
 * and for everything that applies, whether VMs were left as they were.
 */
public enum ExitCode {
    /** Done; for {@code apply}, every VM applied. */
    OK(0),
    /** An error before any change, or (validate) invalid input: nothing was changed. */
    ERROR(1),
    /** {@code plan --detailed-exitcode}: there are changes. */
    CHANGES(2),
    /** Some VMs failed and were rolled back: each is as it was. */
    ROLLED_BACK(3),
    /** Some VMs failed and could not be rolled back: the report says what state each is in. */
    LEFT_CHANGED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The worse of two outcomes of applying: left changed over rolled back over done. */
    public ExitCode worse(ExitCode other) {
        return other.code > code ? other : this;
    }
}
