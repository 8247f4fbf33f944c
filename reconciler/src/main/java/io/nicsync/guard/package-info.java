/**
 * Guards on what comes from outside nicsync's own code before it reaches the file system or a reader: a target or
 * VM name from a plan file or a platform becomes a file name only through {@link io.nicsync.guard.FileNames}, and
 * credentials in URLs are blanked by {@link io.nicsync.guard.Redaction} wherever a command line or a repository URL
 * is written or shown.
 *
 * <pre>{@code
 * FileNames.of("target", "lab")          -> "lab"
 * FileNames.of("target", "../../x")      -> IllegalArgumentException
 * Redaction.urls("https://ada:s3cret@git.example.org/nics.git") -> "https://ada:***@git.example.org/nics.git"
 * }</pre>
 */
package io.nicsync.guard;
