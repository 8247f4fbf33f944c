package io.nicsync.validate;

/**
 * A schema violation in words, at a node of the document.
 *
 * @param atKey point at the key of the member at {@code pointer} rather than at its value
 */
record SchemaProblem(String pointer, boolean atKey, String message) {
}
