/**
 * Reads the desired state out of Git: the {@code *.yaml} / {@code *.yml} files under one directory of one commit.
 *
 * <p>A source is a repository, a ref and a path:
 *
 * <pre>{@code
 * repo: git@git.example.org:infra/vm-nics.git   # or https://..., ssh://..., file://..., /srv/vm-nics
 * ref: main                                     # branch, tag or commit; default: the remote's HEAD
 * path: clusters/lab                            # default: the repository root
 * }</pre>
 *
 * <p>Files are always read from a commit's tree, never from a checkout: a local working tree contributes what is
 * committed, not what an editor left behind. Remote repositories are cloned bare once into a cache directory (one
 * per URL) and fetched on every read; local ones are read in place. The {@link io.nicsync.source.Snapshot} names
 * the commit, so a plan can say exactly which desired state it was made from.
 *
 * <p>A {@link io.nicsync.source.SignaturePolicy} given by the operator (never by the repository) makes a read refuse
 * a commit without a good signature by a trusted SSH or GPG key ({@link io.nicsync.source.UntrustedCommitException}).
 * After a run, {@link io.nicsync.source.GitSource#appendNote} records its outcome as a note on the commit under
 * {@code refs/notes/nicsync}, pushed back to a remote repository when it lets nicsync write.
 *
 * <p>Secrets (HTTPS tokens, credential-file passwords, passwords in URLs) are never put in a message. SSH servers
 * are accepted only if their key is in the known_hosts file: never on first use.
 */
package io.nicsync.source;
