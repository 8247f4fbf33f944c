package io.nicsync.cli;

import io.nicsync.source.Credentials;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceLimits;
import io.nicsync.source.SourceSpec;
import io.nicsync.source.WorkingTree;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Option;

/** Where the desired state comes from: the options every reading command shares. */
final class SourceOptions {
    private static final int SHOWN = 5;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--repo", paramLabel = "R",
            description = "Git repository: a local working tree or bare repository, or a file://, https://, ssh:// "
                    + "or user@host:path URL (default: the working tree you stand in, at the nearest directory "
                    + "up from here holding nicsync.yaml, else here).")
    String repo;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Branch, tag or commit (default: the repository's HEAD).")
    String ref;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Subdirectory holding nicsync.yaml and the VM files (default: the directory --repo names "
                    + "inside its working tree, which without --repo is the nearest one up from here holding "
                    + "nicsync.yaml; else the repository root).")
    String path;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where remote repositories are cloned (default: $NICSYNC_CACHE_DIR, "
                    + "else $XDG_CACHE_HOME/nicsync/repos, else ~/.cache/nicsync/repos).")
    Path cacheDir;

    @Option(names = "--git-credentials-file", paramLabel = "FILE",
            description = "https credentials in git's credential-store format (default: the token in $NICSYNC_GIT_TOKEN).")
    Path gitCredentialsFile;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "Private key for ssh:// repositories.")
    Path sshKey;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file the SSH server's key must be in (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--max-files", paramLabel = "N",
            description = "Most desired-state files a commit may have (default: 50000).")
    Integer maxFiles;

    @Option(names = "--max-total-bytes", paramLabel = "N",
            description = "Most bytes of desired-state files a commit may have (default: 67108864, 64 MiB).")
    Long maxTotalBytes;

    @Option(names = "--fetch-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "Longest a fetch or clone of a remote repository may take, start to end (default: 2m).")
    Duration fetchTimeout;

    boolean given() {
        return repo != null;
    }

    SourceSpec spec() {
        return specFor(repo != null ? repo : whereYouStand());
    }

    /**
     * Without {@code --repo}, as {@code terraform validate} works where you are: the nearest directory from here up
     * to the working tree's root that holds {@code nicsync.yaml}, else this directory (its repository and the
     * path within it).
     */
    private String whereYouStand() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("nicsync.yaml"))) {
                return dir.toString();
            }
            if (Files.exists(dir.resolve(".git"))) {
                return here.toString();
            }
        }
        throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                "no --repo given, and " + here + " is not inside a Git working tree");
    }

    /** A look for uncommitted changes, under way: {@link #warn} waits for it. */
    interface UncommittedCheck {
        /** Warns on {@code err} of the changes found, if any. */
        void warn(PrintWriter err);
    }

    /**
     * Starts looking for uncommitted changes to the desired-state files (nicsync reads commits, so they are not part
     * of what it does), on a thread of its own: in a working tree of a few hundred files that takes a tenth of a
     * second, which a command spends reading the commit meanwhile. Quiet for remote repositories; a working tree
     * that cannot be read is not an error here (reading the commit says why, if it matters).
     */
    UncommittedCheck checkUncommitted(SourceSpec spec) {
        CompletableFuture<List<String>> found = CompletableFuture.supplyAsync(() -> {
            try {
                return WorkingTree.changes(spec);
            } catch (SourceException | RuntimeException e) {
                return List.of();
            }
        }, task -> Thread.ofVirtual().name("nicsync-working-tree").start(task));
        return err -> warn(found.join(), err);
    }

    /** As {@link #checkUncommitted}, waiting for it. */
    void warnUncommitted(SourceSpec spec, PrintWriter err) {
        checkUncommitted(spec).warn(err);
    }

    private static void warn(List<String> changes, PrintWriter err) {
        if (!changes.isEmpty()) {
            err.println("nicsync: warning: " + changes.size() + " uncommitted change(s) to desired-state files are"
                    + " not part of this run (nicsync reads commits): " + String.join(", ", changes.stream()
                    .limit(SHOWN).toList()) + (changes.size() > SHOWN ? " and " + (changes.size() - SHOWN) + " more"
                    : "") + "; commit them, or check them as they are with nicsync validate --working-tree");
            err.flush();
        }
    }

    /** These options for a repository named elsewhere: a saved plan names its own. */
    SourceSpec specFor(String repo) {
        Credentials credentials = Credentials.fromEnvironment()
                .withGitCredentialsFile(gitCredentialsFile)
                .withSshKey(sshKey)
                .withKnownHosts(knownHosts);
        return new SourceSpec(absoluteIfLocal(repo), ref, path, cacheDir, credentials).withLimits(limits());
    }

    private SourceLimits limits() {
        SourceLimits limits = SourceLimits.DEFAULT;
        try {
            limits = maxFiles == null ? limits : limits.withMaxFiles(maxFiles);
            limits = maxTotalBytes == null ? limits : limits.withMaxTotalBytes(maxTotalBytes);
            return fetchTimeout == null ? limits : limits.withFetchTimeout(fetchTimeout);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** A local path made absolute, so that a saved plan names the same repository from any directory. */
    static String absoluteIfLocal(String repo) {
        boolean url = repo.contains("://") || repo.matches("^[^/]+@[^/]+:.*");
        return url ? repo : Path.of(repo).toAbsolutePath().normalize().toString();
    }
}
