package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a directory of test input as the source files of a commit, paths relative to that directory. */
final class Trees {
    /** Files of a test case that describe the case rather than belong to the repository it models. */
    private static final Set<String> CASE_FILES = Set.of("expected.txt", "limits.properties");

    private Trees() {
    }

    static List<SourceFile> read(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !CASE_FILES.contains(root.relativize(p).toString()))
                    .sorted()
                    .map(p -> new SourceFile(root.relativize(p).toString().replace('\\', '/'), bytes(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
