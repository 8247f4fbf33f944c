package io.nicsync.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The desired-state files of a local working tree as they are on disk, next to the commits nicsync reads: which of
 * them have uncommitted changes ({@link #changes}), and all of them as they are now, for {@code validate
 * --working-tree} in a pre-commit hook or an editor ({@link #read}). Git's ignore rules count: an ignored file is
 * never part of a commit, so it is neither a change nor read.
 */
public final class WorkingTree {
    /** The ref of a snapshot {@link #read} from the working tree. */
    public static final String REF = "working tree";
    private static final Set<String> NO_CHANGES = Set.of();

    private WorkingTree() {
    }

    /**
     * The uncommitted changes to {@code *.yaml}/{@code *.yml} files under the spec's path, as {@code path (what)},
     * sorted; none for a remote or bare repository, and none when the spec reads a ref other than the checked-out
     * branch (its commits are not the working tree's).
     */
    public static List<String> changes(SourceSpec spec) throws SourceException {
        if (!(RepoLocation.parse(spec.repo()) instanceof RepoLocation.Local local)) {
            return List.of();
        }
        LocalRepositories.Opened opened = LocalRepositories.open(local.directory());
        try (Repository repository = opened.repository(); Git git = Git.wrap(repository)) {
            if (repository.isBare() || !readsCheckedOut(repository, spec.ref())) {
                return List.of();
            }
            String path = path(opened, spec);
            StatusCommand status = git.status();
            if (!path.isEmpty()) {
                status.addPath(path);
            }
            var found = status.call();
            TreeMap<String, String> changes = new TreeMap<>();
            note(changes, found.getModified(), "modified");
            note(changes, found.getChanged(), "staged");
            note(changes, found.getAdded(), "added");
            note(changes, found.getUntracked(), "not committed");
            note(changes, found.getMissing(), "deleted");
            note(changes, found.getRemoved(), "deleted");
            List<String> out = new ArrayList<>();
            changes.forEach((file, what) -> out.add(file + " (" + what + ")"));
            return out;
        } catch (GitAPIException | IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read the working tree of " + local.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files under the spec's path as they are on disk, uncommitted changes included, with the identity of the
     * checked-out commit and {@code working tree} as the ref.
     */
    public static Snapshot read(SourceSpec spec) throws SourceException {
        if (!(RepoLocation.parse(spec.repo()) instanceof RepoLocation.Local local)) {
            throw new SourceException(SourceException.Reason.NOT_A_REPOSITORY,
                    "--working-tree reads a local working tree; " + spec.repo() + " is a remote repository");
        }
        LocalRepositories.Opened opened = LocalRepositories.open(local.directory());
        try (Repository repository = opened.repository()) {
            if (repository.isBare()) {
                throw new SourceException(SourceException.Reason.NOT_A_REPOSITORY,
                        "--working-tree reads a working tree; " + local.directory() + " is a bare repository");
            }
            String path = path(opened, spec);
            Path root = repository.getWorkTree().toPath();
            if (!Files.isDirectory(root.resolve(path))) {
                throw new SourceException(SourceException.Reason.PATH_NOT_FOUND,
                        "path '" + path + "' does not exist in the working tree " + root);
            }
            List<SourceFile> files = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(repository)) {
                walk.addTree(new FileTreeIterator(repository));
                walk.setRecursive(true);
                TreeFilter yaml = OrTreeFilter.create(PathSuffixFilter.create(".yaml"), PathSuffixFilter.create(".yml"));
                walk.setFilter(path.isEmpty() ? yaml : AndTreeFilter.create(PathFilter.create(path), yaml));
                SizeBudget budget = new SizeBudget(spec.limits(), "the working tree " + root);
                while (walk.next()) {
                    WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
                    if (!entry.isEntryIgnored() && walk.getFileMode(0) != FileMode.SYMLINK) {
                        Path file = root.resolve(walk.getPathString());
                        long size = Files.size(file);
                        files.add(budget.add(walk.getPathString(), size)
                                ? new SourceFile(walk.getPathString(), Files.readAllBytes(file))
                                : SourceFile.notLoaded(walk.getPathString(), size, ObjectId.zeroId().name()));
                    }
                }
            }
            files.sort(Comparator.comparing(SourceFile::path));
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return new Snapshot(ObjectId.zeroId().name(), "nobody yet", Instant.EPOCH, REF, path,
                        files);
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(head);
                return new Snapshot(commit.name(), commit.getAuthorIdent().getName(),
                        Instant.ofEpochSecond(commit.getCommitTime()), REF, path, files);
            }
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read the working tree of " + local.directory() + ": " + e.getMessage(), e);
        }
    }

    private static String path(LocalRepositories.Opened opened, SourceSpec spec) {
        String sub = opened.subdirectory();
        return sub.isEmpty() ? spec.path() : spec.path().isEmpty() ? sub : sub + "/" + spec.path();
    }

    /** Whether {@code ref} is what the working tree has checked out: no ref, HEAD, or the current branch. */
    private static boolean readsCheckedOut(Repository repository, String ref) throws IOException {
        if (ref == null || ref.equals(Constants.HEAD)) {
            return true;
        }
        String branch = repository.getBranch();
        return ref.equals(branch) || ref.equals(Constants.R_HEADS + branch);
    }

    private static void note(TreeMap<String, String> changes, Set<String> files, String what) {
        for (String file : files == null ? NO_CHANGES : files) {
            if (file.endsWith(".yaml") || file.endsWith(".yml")) {
                changes.putIfAbsent(file, what);
            }
        }
    }
}
