package io.nicsync.validate;

/** A document whose {@code kind} is known. */
record Typed(YamlDocument doc, Kind kind) {
}
