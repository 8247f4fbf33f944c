package io.nicsync.apply;

/** Another apply held a target's lock for longer than this one would wait. */
public final class LockTimeoutException extends Exception {
    private final LockHolder holder;

    LockTimeoutException(String target, LockHolder holder, java.time.Duration waited) {
        super("target " + target + " is locked by another apply: "
                + (holder == null ? "holder unknown" : holder.describe())
                + "; waited " + waited.toSeconds() + "s (--lock-timeout)");
        this.holder = holder;
    }

    public LockHolder holder() {
        return holder;
    }
}
