package io.nicsync.source;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

/**
 * A bare clone of one remote in the cache: created once, atomically, then brought up to date by {@link MirrorFetch}
 * on every read. Never has a working tree.
 */
final class RemoteMirror implements AutoCloseable {

    private final RepoLocation.Remote remote;
    private final TransportSetup transport;
    private final Repository repository;
    private final Path directory;
    private boolean freshClone;

    private RemoteMirror(RepoLocation.Remote remote, TransportSetup transport, Repository repository, Path directory,
            boolean freshClone) {
        this.remote = remote;
        this.transport = transport;
        this.repository = repository;
        this.directory = directory;
        this.freshClone = freshClone;
    }

    /** Opens the clone of {@code remote} under {@code cacheRoot}, cloning it first if there is none. */
    static RemoteMirror open(RepoLocation.Remote remote, Path cacheRoot, TransportSetup transport)
            throws SourceException {
        Path directory = cacheRoot.resolve(CacheDirs.directoryName(remote.url()));
        boolean cloned = false;
        if (!RepositoryCache.FileKey.isGitRepository(directory.toFile(), FS.DETECTED)) {
            cloneInto(directory, remote, transport);
            cloned = true;
        }
        Repository repository = openBare(directory);
        try {
            collectGarbageInForeground(repository);
        } catch (SourceException e) {
            repository.close();
            throw e;
        }
        return new RemoteMirror(remote, transport, repository, directory, cloned);
    }

    Repository repository() {
        return repository;
    }

    Path directory() {
        return directory;
    }

    /** Brings the clone up to date; the first call right after cloning has nothing to fetch. */
    void fetch() throws SourceException {
        if (freshClone) {
            freshClone = false;
            return;
        }
        MirrorFetch.run(repository, remote, transport);
    }

    /**
     * Appends {@code text} to the status note on {@code commitId} and pushes it to the remote.
     *
     * @return null when the remote has the note, else why not
     */
    String appendNote(ObjectId commitId, String text, PersonIdent who) throws IOException {
        return NotePush.appendAndPush(repository, remote, transport, commitId, text, who);
    }

    @Override
    public void close() {
        repository.close();
    }

    /**
     * Clones into a sibling directory and renames it into place, so an interrupted clone never leaves a directory
     * that later reads would take for a complete one, and two processes cloning at once both end with one clone.
     */
    private static void cloneInto(Path directory, RepoLocation.Remote remote, TransportSetup transport)
            throws SourceException {
        Path partial = null;
        try {
            Files.createDirectories(directory.getParent());
            if (Files.exists(directory)) {
                FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE); // a leftover that is no repository
            }
            partial = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".partial-");
            try (Git git = Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
                collectGarbageInForeground(git.getRepository());
                MirrorFetch.run(git.getRepository(), remote, transport);
            }
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process finished its clone first: use that one.
        } catch (IOException | GitAPIException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot create cache clone in " + directory + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * jgit runs "git gc --auto" after a fetch, by default in a background thread that outlives the fetch and the
     * repository handle; in the foreground it is done when the read returns, and nothing touches the cache between
     * reads.
     */
    private static void collectGarbageInForeground(Repository repository) throws SourceException {
        StoredConfig config = repository.getConfig();
        if (config.getBoolean(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTODETACH, true)) {
            config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
            try {
                config.save();
            } catch (IOException e) {
                throw new SourceException(SourceException.Reason.IO,
                        "cannot write the config of cache clone " + repository.getDirectory() + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private static Repository openBare(Path directory) throws SourceException {
        try {
            return new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().setMustExist(true).build();
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot open cache clone " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory != null) {
            try {
                FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            } catch (IOException e) {
                // A stray ".partial-" directory is ignored by every later read.
            }
        }
    }
}
