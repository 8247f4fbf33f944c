package io.nicsync.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the desired state lives.
 *
 * @param repo a local directory (a working tree, read from its {@code .git}, or a bare repository), or a URL:
 *     {@code file://}, {@code https://}, {@code ssh://}, scp-like {@code user@host:path}
 * @param ref a branch, tag or commit id (full or abbreviated); null = the repository's HEAD
 * @param path the subdirectory holding the YAML files, relative to the repository root; "" = the root
 * @param cacheDir where remote repositories are cloned (bare, one directory per URL); null =
 *     $NICSYNC_CACHE_DIR, else $XDG_CACHE_HOME/nicsync/repos, else ~/.cache/nicsync/repos
 * @param credentials how to authenticate to a remote; null = {@link Credentials#fromEnvironment()}
 * @param signatures the signatures the commit must carry; null = {@link SignaturePolicy#NONE}, none
 * @param limits what a read may cost; null = {@link SourceLimits#DEFAULT}
 * @throws IllegalArgumentException for a blank repo or a path with {@code ..}, which would leave the repository
 */
public record SourceSpec(String repo, String ref, String path, Path cacheDir, Credentials credentials,
        SignaturePolicy signatures, SourceLimits limits) {

    public SourceSpec {
        Objects.requireNonNull(repo, "repo");
        if (repo.isBlank()) {
            throw new IllegalArgumentException("repo must not be blank");
        }
        if (ref != null && ref.isBlank()) {
            ref = null;
        }
        path = RepoPaths.normalize(path);
        if (cacheDir == null) {
            cacheDir = CacheDirs.defaultRoot(System.getenv(), Path.of(System.getProperty("user.home")));
        }
        if (credentials == null) {
            credentials = Credentials.fromEnvironment();
        }
        if (signatures == null) {
            signatures = SignaturePolicy.NONE;
        }
        if (limits == null) {
            limits = SourceLimits.DEFAULT;
        }
    }

    /** A source with the default limits. */
    public SourceSpec(String repo, String ref, String path, Path cacheDir, Credentials credentials,
            SignaturePolicy signatures) {
        this(repo, ref, path, cacheDir, credentials, signatures, null);
    }

    /** A source whose commits need no signature. */
    public SourceSpec(String repo, String ref, String path, Path cacheDir, Credentials credentials) {
        this(repo, ref, path, cacheDir, credentials, SignaturePolicy.NONE, null);
    }

    /** The repository's HEAD, its root, the default cache and credentials from the environment. */
    public static SourceSpec of(String repo) {
        return new SourceSpec(repo, null, null, null, null);
    }

    public SourceSpec withRef(String newRef) {
        return new SourceSpec(repo, newRef, path, cacheDir, credentials, signatures, limits);
    }

    public SourceSpec withPath(String newPath) {
        return new SourceSpec(repo, ref, newPath, cacheDir, credentials, signatures, limits);
    }

    public SourceSpec withCacheDir(Path newCacheDir) {
        return new SourceSpec(repo, ref, path, newCacheDir, credentials, signatures, limits);
    }

    public SourceSpec withCredentials(Credentials newCredentials) {
        return new SourceSpec(repo, ref, path, cacheDir, newCredentials, signatures, limits);
    }

    public SourceSpec withSignatures(SignaturePolicy newSignatures) {
        return new SourceSpec(repo, ref, path, cacheDir, credentials, newSignatures, limits);
    }

    public SourceSpec withLimits(SourceLimits newLimits) {
        return new SourceSpec(repo, ref, path, cacheDir, credentials, signatures, newLimits);
    }
}
