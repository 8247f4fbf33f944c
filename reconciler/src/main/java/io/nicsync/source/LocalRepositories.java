package io.nicsync.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Opens a repository on this machine in place. A working tree is read through its {@code .git}: what is committed,
 * never the files as edited, so a half-finished edit cannot reach a live system. A directory inside a working tree
 * names that tree's repository and the directory within it, so {@code --repo examples/desired-state} works from a
 * checkout.
 */
final class LocalRepositories {

    private LocalRepositories() {}

    private static boolean systemConfigFound;

    /**
     * jgit finds git's system configuration by running {@code git} (twice) on its first repository; a plan opens its
     * repository for the commit read and for the working tree's status at once, and each thread would run them. The
     * first opening finds it, the other waits for it and takes what was found.
     */
    private static synchronized void findSystemConfig() {
        if (systemConfigFound) {
            return;
        }
        try {
            SystemReader.getInstance().getSystemConfig();
        } catch (IOException | ConfigInvalidException e) {
            // the repository's opening reads it again and reports what is wrong
        }
        systemConfigFound = true;
    }

    /**
     * @param subdirectory where {@code directory} lies in the repository's tree, "" for its root
     */
    record Opened(Repository repository, String subdirectory) {}

    static Opened open(Path directory) throws SourceException {
        findSystemConfig();
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve(".git"))
                && !RepositoryCache.FileKey.isGitRepository(directory.toFile(), FS.DETECTED)) {
            Path root = enclosingWorkTree(directory.toAbsolutePath());
            if (root != null) {
                String sub = root.relativize(directory.toAbsolutePath()).toString().replace('\\', '/');
                return new Opened(openRoot(root), sub);
            }
        }
        return new Opened(openRoot(directory), "");
    }

    /**
     * The nearest directory above with a {@code .git}: a directory in a clone, a file naming the repository in
     * a linked worktree ({@code git worktree add}). Null when there is none; a bare repository has no work tree.
     */
    private static Path enclosingWorkTree(Path directory) {
        for (Path up = directory.getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up.resolve(".git"))) {
                return up;
            }
        }
        return null;
    }

    private static Repository openRoot(Path directory) throws SourceException {
        if (!Files.exists(directory)) {
            throw new SourceException(SourceException.Reason.NOT_FOUND,
                    "repository not found: " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new SourceException(SourceException.Reason.NOT_A_REPOSITORY,
                    "not a git repository: " + directory + " is a file");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.exists(directory.resolve(".git"))) {
            builder.setWorkTree(directory.toFile());
        } else if (RepositoryCache.FileKey.isGitRepository(directory.toFile(), FS.DETECTED)) {
            builder.setGitDir(directory.toFile());
        } else {
            throw new SourceException(SourceException.Reason.NOT_A_REPOSITORY,
                    "not a git repository: " + directory + " (no .git in it, and not a bare repository)");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.NOT_A_REPOSITORY,
                    "cannot open git repository " + directory + ": " + e.getMessage(), e);
        }
    }
}
