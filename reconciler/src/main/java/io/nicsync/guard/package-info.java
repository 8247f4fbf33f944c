/**
 * Guards on what comes from outside nicsync's own code before it reaches the file system or a reader: a target or
 * VM name from a plan file or a platform becomes a file name only through {@link io.nicsync.guard.FileNames}, and
 * credentials in URLs are hidden by {@link io.nicsync.guard.Redaction} in everything nicsync writes or shows
 * (reports, the page and its API, notifications, Events, status notes, lock files, saved plans).
 *
 * <pre>{@code
 * FileNames.of("target", "lab")          -> "lab"
 * FileNames.of("target", "../../x")      -> IllegalArgumentException
 * Redaction.text("https://ghp_x@github.com/o/nics.git")       -> "https://***@github.com/o/nics.git"
 * Redaction.reusable("https://ada:s3cret@git.example.org/x")  -> "https://git.example.org/x"
 * }</pre>
 */
package io.nicsync.guard;
