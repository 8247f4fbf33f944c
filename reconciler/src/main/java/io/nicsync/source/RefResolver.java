package io.nicsync.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns what the user asked for into a commit. Names are looked up the way {@code git rev-parse} does (refs/,
 * refs/tags/, refs/heads/, refs/remotes/, then an object id, full or abbreviated); annotated tags are peeled.
 */
final class RefResolver {

    static final String DEFAULT_REF = Constants.HEAD;
    private static final int REFS_LISTED = 5;

    private RefResolver() {}

    static RevCommit resolve(Repository repository, String ref, String repoDisplay) throws SourceException {
        String name = ref == null ? DEFAULT_REF : ref;
        ObjectId id = lookup(repository, name, repoDisplay);
        if (id == null) {
            throw notFound(repository, name, repoDisplay);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (IncorrectObjectTypeException e) {
            throw new SourceException(SourceException.Reason.REF_NOT_FOUND,
                    "ref '" + name + "' in " + repoDisplay + " names a " + typeOf(repository, id) + ", not a commit");
        } catch (MissingObjectException e) {
            throw notFound(repository, name, repoDisplay);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read commit " + id.name() + " in " + repoDisplay + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId lookup(Repository repository, String name, String repoDisplay) throws SourceException {
        try {
            return repository.resolve(name);
        } catch (AmbiguousObjectException e) {
            throw new SourceException(SourceException.Reason.REF_NOT_FOUND, "ref '" + name + "' in " + repoDisplay
                    + " is ambiguous: it abbreviates " + e.getCandidates().size() + " objects; give more digits");
        } catch (RevisionSyntaxException e) {
            throw new SourceException(SourceException.Reason.REF_NOT_FOUND,
                    "ref '" + name + "' is not a valid branch, tag or commit name");
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.IO,
                    "cannot read refs of " + repoDisplay + ": " + e.getMessage(), e);
        }
    }

    private static SourceException notFound(Repository repository, String name, String repoDisplay) {
        if (name.equals(DEFAULT_REF)) {
            return new SourceException(SourceException.Reason.REF_NOT_FOUND,
                    repoDisplay + " has no commit on HEAD (an empty repository?); existing refs: "
                            + describe(existingRefs(repository)));
        }
        return new SourceException(SourceException.Reason.REF_NOT_FOUND, "ref '" + name + "' not found in "
                + repoDisplay + "; existing branches and tags: " + describe(existingRefs(repository)));
    }

    /** Branches first, then tags, each sorted: the ones a person most likely meant. */
    static List<String> existingRefs(Repository repository) {
        List<String> names = new ArrayList<>();
        try {
            for (String prefix : List.of(Constants.R_HEADS, Constants.R_TAGS)) {
                repository.getRefDatabase().getRefsByPrefix(prefix).stream()
                        .map(Ref::getName)
                        .map(Repository::shortenRefName)
                        .sorted()
                        .forEach(names::add);
            }
        } catch (IOException e) {
            // Only decorates an error message that is already on its way out.
        }
        return names;
    }

    private static String describe(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(REFS_LISTED, names.size())));
        return names.size() > REFS_LISTED ? shown + " (and " + (names.size() - REFS_LISTED) + " more)" : shown;
    }

    private static String typeOf(Repository repository, ObjectId id) {
        try {
            return Constants.typeString(repository.open(id).getType());
        } catch (IOException e) {
            return "non-commit object";
        }
    }
}
