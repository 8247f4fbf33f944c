package io.nicsync.source;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * Reads the YAML files under a directory of a commit straight from the object database: no checkout, so a cache
 * shared by several readers never has a working tree to go stale.
 */
final class TreeReader {

    private TreeReader() {}

    /**
     * Every regular {@code *.yaml} / {@code *.yml} file under {@code path}, recursively, with paths relative to the
     * repository root, sorted. Symbolic links and submodules are skipped: their content is not the file's. Every
     * file is counted and sized against {@code limits} before any is loaded; one over the limit of a file is
     * returned {@link SourceFile#notLoaded not loaded}. A file whose blob id {@code deferrable} accepts is returned
     * {@link SourceFile#deferred deferred}: read from the repository only if its content is asked for (the desired
     * state's {@code nicsync.yaml} is always read, as every validation reads it).
     */
    static List<SourceFile> read(Repository repository, RevCommit commit, String path, BlobCache blobs,
            SourceLimits limits, Predicate<String> deferrable) throws SourceException {
        File gitDir = repository.getDirectory();
        String config = (path.isEmpty() ? "" : path + "/") + "nicsync.yaml";
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(directory(reader, commit, path));
            walk.setRecursive(true);
            walk.setFilter(OrTreeFilter.create(PathSuffixFilter.create(".yaml"), PathSuffixFilter.create(".yml")));
            String prefix = path.isEmpty() ? "" : path + "/";
            SizeBudget budget = new SizeBudget(limits, "commit " + commit.abbreviate(12).name());
            List<SourceFile> unloaded = new ArrayList<>();
            List<ObjectId> ids = new ArrayList<>();
            while (walk.next()) {
                if (isRegularFile(walk.getFileMode(0))) {
                    String filePath = prefix + walk.getPathString();
                    ObjectId id = walk.getObjectId(0).copy();
                    long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                    unloaded.add(SourceFile.notLoaded(filePath, size, id.name()));
                    ids.add(budget.add(filePath, size) ? id : null);
                }
            }
            List<SourceFile> files = new ArrayList<>();
            for (int i = 0; i < unloaded.size(); i++) {
                SourceFile file = unloaded.get(i);
                ObjectId id = ids.get(i);
                if (id == null) {
                    files.add(file);
                } else if (gitDir != null && !file.path().equals(config) && deferrable.test(file.blobId())) {
                    files.add(SourceFile.deferred(file.path(), file.size(), file.blobId(), later(gitDir, id, file)));
                } else {
                    files.add(new SourceFile(file.path(), load(blobs, reader, id, file), file.blobId()));
                }
            }
            files.sort(Comparator.comparing(SourceFile::path));
            return files;
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read tree of commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId directory(ObjectReader reader, RevCommit commit, String path)
            throws IOException, SourceException {
        if (path.isEmpty()) {
            return commit.getTree();
        }
        try (TreeWalk entry = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (entry == null) {
                throw new SourceException(SourceException.Reason.PATH_NOT_FOUND,
                        "path '" + path + "' does not exist in commit " + commit.abbreviate(12).name());
            }
            if (entry.getFileMode(0) != FileMode.TREE) {
                throw new SourceException(SourceException.Reason.PATH_NOT_FOUND,
                        "path '" + path + "' is a file, not a directory, in commit " + commit.abbreviate(12).name());
            }
            return entry.getObjectId(0);
        }
    }

    /**
     * Reads a deferred file from the repository, opened again for it: the reader that listed the file is closed by
     * then. Rare: a validation asks for a deferred file's content only to point at a node of it in a problem found
     * across files.
     */
    private static SourceFile.Loader later(File gitDir, ObjectId id, SourceFile file) {
        return () -> {
            try (Repository again = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
                return again.open(id, Constants.OBJ_BLOB).getBytes((int) Math.min(file.size(), Integer.MAX_VALUE));
            }
        };
    }

    private static boolean isRegularFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /**
     * The file's content, whose size was checked. Running out of memory while inflating it is that and nothing
     * else: jgit reports it as a kind of {@link LargeObjectException}, which must not read as "the file is large".
     */
    private static byte[] load(BlobCache blobs, ObjectReader reader, ObjectId id, SourceFile file)
            throws IOException, SourceException {
        try {
            return blobs.load(reader, id, file.size());
        } catch (LargeObjectException.OutOfMemory e) {
            OutOfMemoryError error = new OutOfMemoryError("out of memory reading " + file.path() + " ("
                    + file.size() + " bytes) at " + id.name() + "; the heap is " + Runtime.getRuntime().maxMemory()
                    + " bytes");
            error.initCause(e);
            throw error;
        } catch (LargeObjectException e) {
            throw new SourceException(SourceException.Reason.IO, "cannot read " + file.path() + " (" + file.size()
                    + " bytes): " + e.getMessage(), e);
        }
    }
}
