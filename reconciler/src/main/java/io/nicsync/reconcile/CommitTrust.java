package io.nicsync.reconcile;

import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;

/**
 * Whether a commit may be applied: the check runs on every new head before it is validated or planned. An
 * untrusted head means nothing is applied and the cycle ends {@link RunOutcome#UNTRUSTED}.
 */
@FunctionalInterface
public interface CommitTrust {
    /** Every commit is trusted: the default until signed commits are required. */
    CommitTrust ANY = (source, head) -> { };

    /**
     * @param source the open repository the head was read from
     * @throws UntrustedCommitException saying why the head is not trusted (unsigned, unknown signer, bad signature)
     */
    void verify(GitSource source, Snapshot head) throws UntrustedCommitException;
}
