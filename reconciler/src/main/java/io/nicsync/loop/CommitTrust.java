package io.nicsync.loop;

import io.nicsync.source.CommitSigner;
import io.nicsync.source.GitSource;
import io.nicsync.source.SignaturePolicy;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.UntrustedCommitException;

/**
 * Whether a commit may be applied: the check runs on every new head before it is validated or planned. An
 * untrusted head means nothing is applied and a reconcile cycle ends {@code untrusted}.
 */
@FunctionalInterface
public interface CommitTrust {
    /** Every commit is trusted: the default until signed commits are required. */
    CommitTrust ANY = (source, head) -> null;

    /**
     * @param source the open repository the head was read from
     * @return who signed the head, when the check verified a signature; null when it needed none
     * @throws UntrustedCommitException saying why the head is not trusted (unsigned, unknown signer, bad signature)
     * @throws SourceException when the check itself cannot be made (an unreadable key file)
     */
    CommitSigner verify(GitSource source, Snapshot head) throws SourceException;

    /** The head must carry a good signature by a key the policy trusts; any commit when it requires none. */
    static CommitTrust signedBy(SignaturePolicy policy) {
        return (source, head) -> source.requireSigned(head.commitId(), policy);
    }
}
