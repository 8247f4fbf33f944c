package io.nicsync.validate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Which build of a piece of code runs: the jar (or classes directory) a class was loaded from, with its size and
 * time, so that a rebuilt nicsync or plugin never takes what another build concluded. A classes directory, as in a
 * developer's build, counts every file in it.
 */
final class Builds {
    private static final java.util.Map<Class<?>, String> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private Builds() {
    }

    /** Worked out once per class and process: the code a process runs does not change under it. */
    static String of(Class<?> type) {
        return KNOWN.computeIfAbsent(type, Builds::find);
    }

    private static String find(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return type.getName() + " (no code source)";
            }
            Path at = Path.of(source.getLocation().toURI());
            if (!Files.isDirectory(at)) {
                BasicFileAttributes a = Files.readAttributes(at, BasicFileAttributes.class);
                return at + " " + a.size() + " " + a.lastModifiedTime().toMillis();
            }
            long[] sum = new long[3];
            try (Stream<Path> files = Files.walk(at)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        sum[0]++;
                        sum[1] += a.size() * 31 + f.toString().hashCode();
                        sum[2] = Math.max(sum[2], a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        sum[1] ^= f.toString().hashCode();
                    }
                });
            }
            return at + " " + sum[0] + " " + sum[1] + " " + sum[2];
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            // unknown: a key that no other process shares, so nothing stored is taken
            return type.getName() + " " + ProcessHandle.current().pid() + " " + System.nanoTime();
        }
    }
}
