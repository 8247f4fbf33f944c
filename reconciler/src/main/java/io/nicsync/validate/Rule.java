package io.nicsync.validate;

/** One semantic rule (or a small family of them): reports every violation it finds, never stops at one. */
interface Rule {
    void check(Declarations declarations, Diagnostics out);
}
