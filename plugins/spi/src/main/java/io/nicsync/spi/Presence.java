package io.nicsync.spi;

/** Whether a desired NIC must be plugged ({@code present}) or must be gone ({@code absent}). */
public enum Presence {
    PRESENT,
    ABSENT
}
