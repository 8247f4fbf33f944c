package io.nicsync.source;

/**
 * Where a status note ended up. A note that could not reach the remote is a warning, never a failure: the run it
 * describes has happened either way.
 *
 * @param commitId the commit the note is on
 * @param where where the note is now, in words ("refs/notes/nicsync in /srv/vm-nics", "... pushed to URL")
 * @param warning why the note is not where it should be (the remote refused the push, the repository could not be
 *     written), one line without secrets; null when it is
 */
public record NoteOutcome(String commitId, String where, String warning) {

    /** The ref nicsync's notes live under: {@code git notes --ref=nicsync show COMMIT} prints them. */
    public static final String REF = StatusNotes.REF;

    public boolean ok() {
        return warning == null;
    }
}
