package io.nicsync.cli;

import io.nicsync.platforms.OperatorAllows;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the operator lets a repository's {@code nicsync.yaml} choose: where a target may be reached and which local
 * files may be read for credentials or trust. Given here or in the environment; both count.
 */
final class AllowOptions {

    @Option(names = "--allow-endpoint", paramLabel = "SCHEME://HOST[:PORT]", split = ",",
            description = "Let nicsync.yaml point a target there (repeatable; a host may be *.domain): an endpoint"
                    + " setting from the repository must be allowed (default: $NICSYNC_ALLOW_ENDPOINTS).")
    List<String> endpoints = List.of();

    @Option(names = "--allow-file", paramLabel = "PATH", split = ",",
            description = "Let nicsync.yaml name this local file (a directory's files when it ends with /) for"
                    + " credentials or trust, such as a kubeconfig (repeatable; default: $NICSYNC_ALLOW_FILES).")
    List<String> files = List.of();

    /** These, and what {@code NICSYNC_ALLOW_ENDPOINTS} and {@code NICSYNC_ALLOW_FILES} allow. */
    OperatorAllows allowed() {
        return new OperatorAllows(endpoints, files).and(OperatorAllows.fromEnvironment(System.getenv()));
    }
}
