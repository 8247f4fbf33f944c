package io.nicsync.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Appends text to the note a commit has under {@value #REF}, as {@code git notes --ref=nicsync append} does: an
 * earlier note is kept and the new text follows it after a blank line. The notes ref moves by compare-and-swap, so
 * two writers in the same repository both end up in the note.
 */
final class StatusNotes {

    /** Where nicsync's notes live: {@code git notes --ref=nicsync show COMMIT} prints them. */
    static final String REF = "refs/notes/nicsync";

    private static final int ATTEMPTS = 10;
    private static final int MAX_NOTE_BYTES = 1 << 20;

    private StatusNotes() {}

    /** Appends {@code text} to the note on {@code commitId} and moves {@value #REF} to the new notes commit. */
    static void append(Repository repository, ObjectId commitId, String text, PersonIdent who) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RefUpdate.Result result = tryAppend(repository, commitId, text, who);
            switch (result) {
                case NEW, FAST_FORWARD, FORCED -> {
                    return;
                }
                case LOCK_FAILURE, REJECTED -> {
                    if (attempt == ATTEMPTS) {
                        throw new IOException("another writer kept moving " + REF + " (" + ATTEMPTS + " attempts)");
                    }
                }
                default -> throw new IOException("cannot update " + REF + ": " + result);
            }
        }
    }

    private static RefUpdate.Result tryAppend(Repository repository, ObjectId commitId, String text, PersonIdent who)
            throws IOException {
        Ref ref = repository.exactRef(REF);
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit base = ref == null ? null : walk.parseCommit(ref.getObjectId());
            NoteMap notes = base == null ? NoteMap.newEmptyMap() : NoteMap.read(walk.getObjectReader(), base);
            notes.set(commitId, appended(repository, notes.getNote(commitId), text), inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(notes.writeTree(inserter));
            if (base != null) {
                commit.setParentId(base);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("Notes added by nicsync\n");
            ObjectId notesCommit = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(REF);
            update.setExpectedOldObjectId(base == null ? ObjectId.zeroId() : base);
            update.setNewObjectId(notesCommit);
            update.setRefLogMessage("nicsync: status note on " + commitId.name(), false);
            return update.update(walk);
        }
    }

    /** The earlier note, a blank line, the new text: git's own layout for an appended note. */
    private static String appended(Repository repository, Note earlier, String text) throws IOException {
        String entry = text.endsWith("\n") ? text : text + "\n";
        if (earlier == null) {
            return entry;
        }
        byte[] bytes = repository.open(earlier.getData(), Constants.OBJ_BLOB).getCachedBytes(MAX_NOTE_BYTES);
        String before = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
        return before.isEmpty() ? entry : before + "\n\n" + entry;
    }
}
