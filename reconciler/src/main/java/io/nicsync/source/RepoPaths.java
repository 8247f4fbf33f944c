package io.nicsync.source;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Paths inside a repository: relative, {@code /}-separated, no {@code .} or {@code ..}, "" for the root. */
final class RepoPaths {

    private RepoPaths() {}

    /**
     * Accepts what a user types ({@code ./vms/}, {@code /vms}, {@code vms\prod}) and returns the form TreeWalk and
     * diagnostics use ({@code vms}, {@code vms/prod}).
     *
     * @throws IllegalArgumentException for {@code ..}, which would leave the repository
     */
    static String normalize(String path) {
        if (path == null) {
            return "";
        }
        String normalized = Arrays.stream(path.replace('\\', '/').split("/"))
                .filter(segment -> !segment.isEmpty() && !segment.equals("."))
                .collect(Collectors.joining("/"));
        if (Arrays.asList(normalized.split("/")).contains("..")) {
            throw new IllegalArgumentException("path must stay inside the repository: " + path);
        }
        return normalized;
    }
}
