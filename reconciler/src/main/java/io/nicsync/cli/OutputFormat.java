package io.nicsync.cli;

/** {@code -o text|json}. */
enum OutputFormat {
    TEXT,
    JSON
}
