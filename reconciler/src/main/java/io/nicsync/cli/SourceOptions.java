package io.nicsync.cli;

import io.nicsync.source.Credentials;
import io.nicsync.source.SourceSpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the desired state comes from: the options every reading command shares. */
final class SourceOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--repo", paramLabel = "R",
            description = "Git repository: a local working tree or bare repository, or a file://, https://, ssh:// "
                    + "or user@host:path URL.")
    String repo;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Branch, tag or commit (default: the repository's HEAD).")
    String ref;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Subdirectory holding nicsync.yaml and the VM files (default: the repository root).")
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

    boolean given() {
        return repo != null;
    }

    SourceSpec spec() {
        if (repo == null) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "Missing required option: '--repo=R'");
        }
        return specFor(repo);
    }

    /** These options for a repository named elsewhere: a saved plan names its own. */
    SourceSpec specFor(String repo) {
        Credentials credentials = Credentials.fromEnvironment()
                .withGitCredentialsFile(gitCredentialsFile)
                .withSshKey(sshKey)
                .withKnownHosts(knownHosts);
        return new SourceSpec(absoluteIfLocal(repo), ref, path, cacheDir, credentials);
    }

    /** A local path made absolute, so that a saved plan names the same repository from any directory. */
    static String absoluteIfLocal(String repo) {
        boolean url = repo.contains("://") || repo.matches("^[^/]+@[^/]+:.*");
        return url ? repo : Path.of(repo).toAbsolutePath().normalize().toString();
    }
}
