package io.nicsync.importer;

import io.nicsync.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** An import's output directory as the validator reads a repository: every YAML file, by relative path. */
final class OutputDir {
    private OutputDir() {
    }

    static List<SourceFile> files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .map(f -> new SourceFile(dir.relativize(f).toString().replace('\\', '/'), read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> paths(Path dir) {
        return files(dir).stream().map(SourceFile::path).toList();
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
