package io.nicsync.source;

import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Makes a cache clone equal to its remote: all branches and tags as the remote has them (forced, so a force push is
 * followed; pruned, so a deleted branch is gone) and HEAD where the remote's HEAD points.
 */
final class MirrorFetch {

    /** Git's own timeout, per read; the whole transfer has the deadline of {@link TransportSetup#transfer}. */
    private static final int TIMEOUT_SECONDS = 60;
    private static final RefSpec BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");
    private static final RefSpec TAGS = new RefSpec("+refs/tags/*:refs/tags/*");

    private MirrorFetch() {}

    static void run(Repository repository, RepoLocation.Remote remote, TransportSetup transport)
            throws SourceException {
        FetchResult result;
        transport.startAttempt();
        try (Git git = Git.wrap(repository)) {
            result = transport.transfer("fetching " + remote.display(), () -> transport.applyTo(git.fetch())
                    .setRemote(remote.url())
                    .setRefSpecs(BRANCHES, TAGS)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRemoveDeletedRefs(true)
                    .setTimeout(TIMEOUT_SECONDS)
                    .call(), e -> TransportErrors.fetchFailed(remote, transport, e));
        }
        followHead(repository, result, remote);
    }

    /** HEAD follows the remote's: "the default branch" is whatever the remote says today. */
    private static void followHead(Repository repository, FetchResult result, RepoLocation.Remote remote)
            throws SourceException {
        Ref head = result.getAdvertisedRef(Constants.HEAD);
        if (head == null) {
            return; // an empty remote, or one that hides HEAD: only explicit refs can be read
        }
        try {
            RefUpdate update = repository.updateRef(Constants.HEAD, !head.isSymbolic());
            if (head.isSymbolic()) {
                update.link(head.getTarget().getName());
            } else {
                update.setNewObjectId(head.getObjectId());
                update.forceUpdate();
            }
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot record HEAD of " + remote.display() + " in the cache: " + e.getMessage(), e);
        }
    }
}
