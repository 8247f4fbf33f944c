package io.nicsync.spi;

/** What to do with live NICs that the desired state of their VM does not list. */
public enum UnmanagedPolicy {
    /** Leave them alone and say nothing. */
    IGNORE,
    /** Leave them alone and report them. */
    WARN,
    /** Unplug them. */
    UNPLUG
}
