package io.nicsync.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads the desired state from Git. {@link #read(SourceSpec)} does it once; a long-running loop keeps a source
 * {@link #open open} and calls {@link #read()} on every tick, which fetches and returns the same {@link Snapshot}
 * instance while the commit has not moved. {@code read} is synchronized: one source serves one loop.
 */
public final class GitSource implements AutoCloseable {

    private final SourceSpec spec;
    private final String display;
    private final Repository repository;
    private final RemoteMirror mirror;
    private final TransportSetup transport;
    private final BlobCache blobs = new BlobCache();
    private Predicate<String> deferrable = blobId -> false;
    private Snapshot last;

    private GitSource(SourceSpec spec, String display, Repository repository, RemoteMirror mirror,
            TransportSetup transport) {
        this.spec = spec;
        this.display = display;
        this.repository = repository;
        this.mirror = mirror;
        this.transport = transport;
    }

    /** Opens, reads once, closes. */
    public static Snapshot read(SourceSpec spec) throws SourceException {
        return read(spec, blobId -> false);
    }

    /**
     * Opens, reads once, closes; the files whose blob ids {@code deferrable} accepts are not read unless their
     * content is asked for ({@link #deferring}).
     */
    public static Snapshot read(SourceSpec spec, Predicate<String> deferrable) throws SourceException {
        try (GitSource source = open(spec)) {
            return source.deferring(deferrable).read();
        }
    }

    /**
     * From now on, the files whose blob ids {@code blobIds} accepts (those whose checks a validation holds already)
     * are read only when their content is asked for.
     */
    public synchronized GitSource deferring(Predicate<String> blobIds) {
        this.deferrable = blobIds;
        return this;
    }

    /**
     * Opens a local repository in place, or the cache clone of a remote one (cloning it if it is not there yet).
     * Nothing is read until {@link #read()}.
     */
    public static GitSource open(SourceSpec spec) throws SourceException {
        RepoLocation location = RepoLocation.parse(spec.repo());
        if (location instanceof RepoLocation.Local local) {
            LocalRepositories.Opened opened = LocalRepositories.open(local.directory());
            SourceSpec within = opened.subdirectory().isEmpty() ? spec
                    : spec.withPath(spec.path().isEmpty() ? opened.subdirectory()
                            : opened.subdirectory() + "/" + spec.path());
            return new GitSource(within, local.directory().toString(), opened.repository(), null, null);
        }
        RepoLocation.Remote remote = (RepoLocation.Remote) location;
        TransportSetup transport = TransportSetup.forRemote(remote, spec.credentials(), userHome(),
                spec.limits().fetchTimeout());
        try {
            RemoteMirror mirror = RemoteMirror.open(remote, spec.cacheDir(), transport);
            return new GitSource(spec, remote.display(), mirror.repository(), mirror, transport);
        } catch (SourceException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /**
     * Fetches (remote repositories), resolves the ref and reads the files of that commit.
     *
     * @throws UntrustedCommitException when the spec's {@link SignaturePolicy} requires a signature the commit does
     *     not have; nothing of the commit is read
     */
    public synchronized Snapshot read() throws SourceException {
        if (mirror != null) {
            mirror.fetch();
        }
        RevCommit commit = RefResolver.resolve(repository, spec.ref(), display);
        CommitSignatures.require(spec.signatures(), repository, commit); // every read: a key may have been revoked
        if (last != null && last.commitId().equals(commit.name())) {
            return last;
        }
        List<SourceFile> files;
        try {
            files = TreeReader.read(repository, commit, spec.path(), blobs, spec.limits(), deferrable);
        } catch (SourceException e) {
            blobs.abortRead();
            throw e;
        }
        blobs.endRead();
        String ref = spec.ref() == null ? RefResolver.DEFAULT_REF : spec.ref();
        last = new Snapshot(commit.name(), author(commit.getAuthorIdent()),
                Instant.ofEpochSecond(commit.getCommitTime()), ref, spec.path(), files);
        return last;
    }

    /**
     * Checks a commit this source has read against {@code policy}, as {@link #read()} does for a spec that carries
     * one: for a caller that decides about trust itself, on each new head.
     *
     * @return who signed it; null when the policy requires no signature
     * @throws UntrustedCommitException when the commit lacks a good signature by a key the policy trusts
     */
    public synchronized CommitSigner requireSigned(String commitId, SignaturePolicy policy) throws SourceException {
        try (RevWalk walk = new RevWalk(repository)) {
            return CommitSignatures.require(policy, repository, walk.parseCommit(ObjectId.fromString(commitId)));
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read commit " + commitId + " in " + display + ": " + e.getMessage(), e);
        }
    }

    /** Opens, appends a status note ({@link #appendNote(String, String)}), closes. */
    public static NoteOutcome appendNote(SourceSpec spec, String commitId, String text) throws SourceException {
        try (GitSource source = open(spec)) {
            return source.appendNote(commitId, text);
        }
    }

    /**
     * Appends {@code text} to the note on {@code commitId} under {@value StatusNotes#REF} (the same layout as
     * {@code git notes --ref=nicsync append}): written in place in a local repository; in the cache clone of a
     * remote one, then pushed to the remote, fetching and appending again when another writer pushed first.
     *
     * @return where the note went; a push the remote refused is a {@link NoteOutcome#warning() warning}
     * @throws SourceException when the note cannot be written at all (a read-only local repository, a full disk)
     */
    public synchronized NoteOutcome appendNote(String commitId, String text) throws SourceException {
        ObjectId commit = ObjectId.fromString(commitId);
        PersonIdent who = new PersonIdent("nicsync", "nicsync@" + hostName());
        try {
            if (mirror == null) {
                StatusNotes.append(repository, commit, text, who);
                return new NoteOutcome(commitId, StatusNotes.REF + " in " + display, null);
            }
            String notPushed = mirror.appendNote(commit, text, who);
            return notPushed == null
                    ? new NoteOutcome(commitId, StatusNotes.REF + ", pushed to " + display, null)
                    : new NoteOutcome(commitId, StatusNotes.REF + " in the cache clone " + mirror.directory(),
                            notPushed);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO, "cannot write the status note on commit "
                    + commitId + " in " + display + ": " + e.getMessage(), e);
        }
    }

    /** The cache clone this source reads from; empty for a local repository, which is read in place. */
    public Optional<Path> cacheDirectory() {
        return Optional.ofNullable(mirror).map(RemoteMirror::directory);
    }

    @Override
    public void close() {
        if (mirror != null) {
            mirror.close();
        } else {
            repository.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private static String author(PersonIdent ident) {
        return ident.getName() + " <" + ident.getEmailAddress() + ">";
    }

    private static String hostName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        return host.isEmpty() ? "localhost" : host;
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
