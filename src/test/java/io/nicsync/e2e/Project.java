package io.nicsync.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The nicsync source tree this suite runs in (the suite's module directory is src/test). */
final class Project {
    private Project() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/nicsync"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the nicsync source tree: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
