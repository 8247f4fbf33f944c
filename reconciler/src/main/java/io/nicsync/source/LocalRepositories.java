package io.nicsync.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens a repository on this machine in place. A working tree is read through its {@code .git}: what is committed,
 * never the files as edited, so a half-finished edit cannot reach a live system.
 */
final class LocalRepositories {

    private LocalRepositories() {}

    static Repository open(Path directory) throws SourceException {
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
