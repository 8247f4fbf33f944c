package io.nicsync.cli;

/** A request the command refuses, with a message that says what to do instead. Exit 1, one line. */
final class UserError extends Exception {
    UserError(String message) {
        super(message);
    }
}
