package io.nicsync.spi;

/** Carrier as the guest sees it. */
public enum LinkState {
    UP,
    DOWN;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
