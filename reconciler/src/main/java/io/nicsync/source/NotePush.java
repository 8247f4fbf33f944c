package io.nicsync.source;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * A status note on a remote repository: the remote's notes fetched into the cache clone, the note appended there,
 * and the notes ref pushed back, again from the remote's latest when another writer got there first. The remote is
 * the truth; what the cache holds besides is dropped at the next fetch.
 */
final class NotePush {

    private static final int TIMEOUT_SECONDS = 60;
    private static final int ATTEMPTS = 10;
    private static final int MAX_PAUSE_MILLIS = 200;
    private static final RefSpec FETCH = new RefSpec("+refs/notes/*:refs/notes/*");
    private static final RefSpec PUSH = new RefSpec(StatusNotes.REF + ":" + StatusNotes.REF);

    private NotePush() {}

    /** @return null when the note is on the remote, else why it is not (one line, no secrets) */
    static String appendAndPush(Repository repository, RepoLocation.Remote remote, TransportSetup transport,
            ObjectId commitId, String text, PersonIdent who) throws IOException {
        String lastRefusal = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String fetchFailure = fetchNotes(repository, remote, transport);
            StatusNotes.append(repository, commitId, text, who);
            if (fetchFailure != null) {
                return fetchFailure;
            }
            RemoteRefUpdate update;
            transport.startAttempt();
            try (Git git = Git.wrap(repository)) {
                Iterable<PushResult> results = transport.transfer("pushing the status note to " + remote.display(),
                        () -> transport.applyTo(git.push()).setRemote(remote.url()).setRefSpecs(PUSH)
                                .setTimeout(TIMEOUT_SECONDS).call(),
                        e -> TransportErrors.failed("push the status note to", remote, transport, e));
                update = results.iterator().next().getRemoteUpdate(StatusNotes.REF);
            } catch (SourceException e) {
                return e.getMessage();
            }
            RemoteRefUpdate.Status status = update.getStatus();
            if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                return null;
            }
            lastRefusal = transport.redact(update.getMessage() == null ? status.toString() : update.getMessage());
            if (!anotherWriterWasFirst(update)) {
                return "the remote " + remote.display() + " refused the status note: " + lastRefusal;
            }
            if (!pause(attempt)) {
                return "interrupted while pushing the status note to " + remote.display();
            }
        }
        return "the remote " + remote.display() + " did not take the status note in " + ATTEMPTS + " attempts: "
                + lastRefusal;
    }

    /**
     * Another writer pushed a note since the fetch (the push is no fast-forward), or is pushing one right now and
     * holds the remote's ref lock: fetch theirs and append to it.
     */
    private static boolean anotherWriterWasFirst(RemoteRefUpdate update) {
        return switch (update.getStatus()) {
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> true;
            case REJECTED_OTHER_REASON -> update.getMessage() != null
                    && update.getMessage().toLowerCase(Locale.ROOT).contains("lock");
            default -> false;
        };
    }

    /** A growing, random pause, so that writers who collided do not collide again in step. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(MAX_PAUSE_MILLIS * attempt / ATTEMPTS + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String fetchNotes(Repository repository, RepoLocation.Remote remote, TransportSetup transport) {
        transport.startAttempt();
        try (Git git = Git.wrap(repository)) {
            transport.transfer("fetching the notes of " + remote.display(), () -> transport.applyTo(git.fetch())
                    .setRemote(remote.url()).setRefSpecs(FETCH).setTagOpt(TagOpt.NO_TAGS)
                    .setRemoveDeletedRefs(true).setTimeout(TIMEOUT_SECONDS).call(),
                    e -> TransportErrors.failed("fetch the notes of", remote, transport, e));
            return null;
        } catch (SourceException e) {
            return e.getMessage();
        }
    }
}
