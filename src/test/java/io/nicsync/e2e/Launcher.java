package io.nicsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/nicsync} as a process of its own, as a user runs it: a real JVM that can hold a file lock and
 * be killed. Output goes to a file, so a process nobody reads never blocks on a full pipe.
 */
record Launcher(Process process, Path log) {

    static Launcher start(Path output, String... args) {
        return start(Map.of(), output, args);
    }

    /** As {@link #start(Path, String...)}, with {@code env} added to the process's environment. */
    static Launcher start(Map<String, String> env, Path output, String... args) {
        return start(null, env, output, args);
    }

    /** As {@link #start(Map, Path, String...)}, run in the directory {@code cwd} (null: this process's). */
    static Launcher start(Path cwd, Map<String, String> env, Path output, String... args) {
        List<String> command = new ArrayList<>(List.of(Project.root().resolve("bin/nicsync").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        // The build under test is the one Maven just made; the launcher must not rebuild it.
        pb.environment().put("NICSYNC_NO_BUILD", "1");
        pb.environment().putAll(env);
        try {
            return new Launcher(pb.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end (at most two minutes) and returns exit code and output. */
    static Cli run(Path output, String... args) {
        return start(output, args).await();
    }

    /** As {@link #run(Path, String...)}, with {@code env} added to the process's environment. */
    static Cli run(Map<String, String> env, Path output, String... args) {
        return start(env, output, args).await();
    }

    Cli await() {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("nicsync did not finish within 120 s: " + output());
            }
            return new Cli(process.exitValue(), output(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
