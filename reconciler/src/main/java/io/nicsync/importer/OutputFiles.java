package io.nicsync.importer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes the files of one import all or nothing, as far as a file system allows: every file is first
 * written into a staging directory inside the output directory, and only when all of them are there are
 * they moved into place (a rename on the same file system). A failure before the moves leaves the output
 * directory as it was.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** The files of {@code files} that exist below {@code out} already. */
    static List<String> existing(Path out, Map<String, String> files) {
        return files.keySet().stream().filter(f -> Files.exists(out.resolve(f))).toList();
    }

    /** @param files path relative to {@code out} to content, in the order to write them */
    static void write(Path out, Map<String, String> files, boolean replace) throws IOException {
        Files.createDirectories(out);
        Path staging = out.resolve(".nicsync-import-" + UUID.randomUUID());
        try {
            for (var file : files.entrySet()) {
                Path staged = staging.resolve(file.getKey());
                Files.createDirectories(staged.getParent());
                Files.writeString(staged, file.getValue());
            }
            for (String file : files.keySet()) {
                Path target = out.resolve(file);
                Files.createDirectories(target.getParent());
                if (!replace && Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString(), null, "created while importing");
                }
                Files.move(staging.resolve(file), target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
