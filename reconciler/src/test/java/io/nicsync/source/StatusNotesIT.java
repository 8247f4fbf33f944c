package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status notes written with jgit and read back with the real {@code git notes}: in a local repository in place; on
 * a remote over file:// and over ssh (a real OpenSSH server on loopback), pushed; appended, never replaced; kept
 * whole when several writers push at once; and a push the remote refuses is a warning, not an error.
 */
class StatusNotesIT {

    @TempDir
    static Path shared;

    private static SshServer server;
    private static Path clientKey;
    private static Path knownHosts;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(SshServer.missingPrerequisites())
                .as("needs OpenSSH's sshd: run scripts/test-prereqs.d/git-ssh.sh").isEmpty();
        clientKey = SshServer.generateKey(shared.resolve("client_ed25519"));
        server = SshServer.start(Files.createDirectories(shared.resolve("sshd")), Path.of(clientKey + ".pub"));
        knownHosts = Files.writeString(shared.resolve("known_hosts"), server.knownHostsLine(server.hostPublicKey()));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A bare origin with one commit on main; returns that commit. */
    private String origin(Path origin) {
        GitCli.initBare(origin);
        Path work = GitCli.init(tmp.resolve("work-" + origin.getFileName()));
        String commit = commitFile(work, "vms/web.yaml", "name: web\n");
        git(work, "push", "-q", origin.toString(), "HEAD:main");
        return commit;
    }

    private SourceSpec remote(String url) {
        return SourceSpec.of(url).withCacheDir(tmp.resolve("cache"))
                .withCredentials(Credentials.none().withSshKey(clientKey).withKnownHosts(knownHosts));
    }

    private String sshUrl(Path repo) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + server.port() + repo;
    }

    private static String note(Path repo, String commit) {
        return git(repo, "notes", "--ref=nicsync", "show", commit);
    }

    @Test
    void aLocalRepositoryGetsTheNoteInPlaceAndASecondRunAppends() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        String commit = commitFile(work, "vms/web.yaml", "name: web\n");

        try (GitSource source = GitSource.open(SourceSpec.of(work.toString()))) {
            NoteOutcome first = source.appendNote(commit, "nicsync apply: applied\n  lab/web-01: applied\n");
            source.appendNote(commit, "nicsync apply: no changes");

            assertThat(first.ok()).isTrue();
            assertThat(first.where()).isEqualTo("refs/notes/nicsync in " + work);
        }
        assertThat(note(work, commit)).isEqualTo("nicsync apply: applied\n  lab/web-01: applied\n\n"
                + "nicsync apply: no changes");
        assertThat(git(work, "log", "-1", "--format=%N", "--notes=nicsync")).startsWith("nicsync apply: applied");
    }

    @Test
    void appendsToANoteGitItselfWrote() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        String commit = commitFile(work, "vms/web.yaml", "name: web\n");
        git(work, "notes", "--ref=nicsync", "add", "-m", "reviewed by Ada", commit);

        try (GitSource source = GitSource.open(SourceSpec.of(work.toString()))) {
            source.appendNote(commit, "nicsync apply: applied");
        }
        git(work, "notes", "--ref=nicsync", "append", "-m", "and checked by git", commit);

        assertThat(note(work, commit)).isEqualTo("reviewed by Ada\n\nnicsync apply: applied\n\nand checked by git");
    }

    @Test
    void aRemoteOverFileUrlGetsTheNotePushed() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);

        try (GitSource source = GitSource.open(remote(origin.toUri().toString()))) {
            source.read();
            NoteOutcome outcome = source.appendNote(commit, "first run");
            source.appendNote(commit, "second run");

            assertThat(outcome.ok()).as(String.valueOf(outcome.warning())).isTrue();
            assertThat(outcome.where()).startsWith("refs/notes/nicsync, pushed to ");
        }
        assertThat(note(origin, commit)).isEqualTo("first run\n\nsecond run");
    }

    @Test
    void aNoteSomeoneElsePushedMeanwhileIsKept() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);
        Path other = tmp.resolve("other");
        git(tmp, "clone", "-q", origin.toString(), other.toString());

        try (GitSource source = GitSource.open(remote(origin.toUri().toString()))) {
            source.appendNote(commit, "nicsync: first");
            git(other, "fetch", "-q", "origin", "refs/notes/nicsync:refs/notes/nicsync");
            git(other, "notes", "--ref=nicsync", "append", "-m", "a person: looked at it", commit);
            git(other, "push", "-q", "origin", "refs/notes/nicsync");

            assertThat(source.appendNote(commit, "nicsync: second").ok()).isTrue();
        }
        assertThat(note(origin, commit)).isEqualTo("nicsync: first\n\na person: looked at it\n\nnicsync: second");
    }

    @Test
    void writersPushingAtOnceLoseNoEntry() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);
        int writers = 3;
        int runs = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<NoteOutcome>>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                // Each writer has a cache of its own, as separate nicsync processes or replicas do.
                SourceSpec spec = remote(origin.toUri().toString()).withCacheDir(tmp.resolve("cache-" + w));
                done.add(pool.submit(() -> {
                    List<NoteOutcome> outcomes = new ArrayList<>();
                    try (GitSource source = GitSource.open(spec)) {
                        for (int run = 0; run < runs; run++) {
                            outcomes.add(source.appendNote(commit, "writer " + writer + " run " + run));
                        }
                    }
                    return outcomes;
                }));
            }
            for (Future<List<NoteOutcome>> writer : done) {
                assertThat(writer.get()).allSatisfy(o -> assertThat(o.warning()).isNull());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> entries = List.of(note(origin, commit).split("\n\n"));
        assertThat(entries).hasSize(writers * runs);
        for (int w = 0; w < writers; w++) {
            for (int run = 0; run < runs; run++) {
                assertThat(entries).contains("writer " + w + " run " + run);
            }
        }
    }

    @Test
    void aRemoteWhoseNotesRefStaysLockedGetsAWarningAfterRetrying() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);
        Files.createDirectories(origin.resolve("refs/notes"));
        Files.writeString(origin.resolve("refs/notes/nicsync.lock"), ""); // left by a writer that crashed

        NoteOutcome outcome = GitSource.appendNote(remote(origin.toUri().toString()), commit, "nicsync apply: applied");

        assertThat(outcome.warning()).isEqualTo("the remote " + origin.toUri() + " did not take the status note in "
                + "10 attempts: failed to lock");
        assertThat(git(origin, "for-each-ref", "refs/notes")).isEmpty();
    }

    @Test
    void aRemoteOverSshGetsTheNotePushed() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);

        try (GitSource source = GitSource.open(remote(sshUrl(origin)))) {
            NoteOutcome outcome = source.appendNote(commit, "nicsync apply: applied");

            assertThat(outcome.ok()).as(String.valueOf(outcome.warning())).isTrue();
            assertThat(outcome.where()).isEqualTo("refs/notes/nicsync, pushed to " + sshUrl(origin));
        }
        assertThat(note(origin, commit)).isEqualTo("nicsync apply: applied");
    }

    @Test
    void aPushTheRemoteRefusesIsAWarningAndTheNoteStaysInTheCache() throws Exception {
        Path origin = tmp.resolve("origin.git");
        String commit = origin(origin);
        Path hook = Files.writeString(origin.resolve("hooks/pre-receive"),
                "#!/bin/sh\necho 'read-only for deploy keys' >&2\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

        NoteOutcome outcome;
        Path cache;
        try (GitSource source = GitSource.open(remote(sshUrl(origin)))) {
            outcome = source.appendNote(commit, "nicsync apply: applied");
            cache = source.cacheDirectory().orElseThrow();
        }

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.warning()).startsWith("the remote " + sshUrl(origin) + " refused the status note: ")
                .contains("pre-receive hook declined");
        assertThat(outcome.where()).isEqualTo("refs/notes/nicsync in the cache clone " + cache);
        assertThat(git(origin, "for-each-ref", "refs/notes")).as("nothing reached the remote").isEmpty();
        assertThat(note(cache, commit)).isEqualTo("nicsync apply: applied");
    }
}
