package io.nicsync.loop;

/** A plan that does not name its repository (made by hand, or by an older nicsync): its targets are unknown. */
public final class UnknownPlanSourceException extends RunFailure {
    UnknownPlanSourceException() {
        super("the plan does not name its repository, so its targets are unknown (apply FILE --repo R names it)", null);
    }
}
