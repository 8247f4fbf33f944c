package io.nicsync.serve;

/**
 * Which pushes concern the configured {@code --ref}: {@code main} follows pushes to {@code refs/heads/main}, a tag
 * {@code v1} pushes to {@code refs/tags/v1}. Without a ref (the repository's HEAD) or with a commit id, the branch
 * is not known here, so every push starts a run; one that changed nothing plans no changes.
 */
record PushRefs(String ref) {

    boolean concerns(String pushed) {
        if (ref == null || ref.equals("HEAD") || ref.matches("[0-9a-fA-F]{7,40}") || pushed == null) {
            return true;
        }
        return pushed.equals(ref) || pushed.equals("refs/heads/" + ref) || pushed.equals("refs/tags/" + ref);
    }
}
