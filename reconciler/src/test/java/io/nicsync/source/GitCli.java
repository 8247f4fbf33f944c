package io.nicsync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} client, for building the repositories the tests read: what jgit reads must be what git
 * wrote. Runs with no system or global config, so the machine's settings cannot change a test.
 */
final class GitCli {

    static final String AUTHOR_NAME = "Ada Lovelace";
    static final String AUTHOR_EMAIL = "ada@example.org";

    private GitCli() {}

    /** Runs git in {@code dir} and returns its standard output without the trailing newline. */
    static String git(Path dir, String... args) {
        return git(Map.of(), dir, args);
    }

    /** {@link #git(Path, String...)} with more environment variables (a GnuPG home, say). */
    static String git(Map<String, String> extraEnvironment, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main",
                "-c", "advice.detachedHead=false", "-c", "protocol.file.allow=always"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", AUTHOR_NAME);
        env.put("GIT_AUTHOR_EMAIL", AUTHOR_EMAIL);
        env.put("GIT_COMMITTER_NAME", AUTHOR_NAME);
        env.put("GIT_COMMITTER_EMAIL", AUTHOR_EMAIL);
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.putAll(extraEnvironment);
        try {
            Path stderr = Files.createTempFile("git-stderr", ".txt");
            try {
                Process process = builder.redirectError(stderr.toFile()).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("git " + String.join(" ", args) + " failed: "
                            + Files.readString(stderr));
                }
                return out.stripTrailing();
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new working tree on branch main, with no commit yet. */
    static Path init(Path dir) {
        mkdirs(dir);
        git(dir, "init", "-q");
        return dir;
    }

    /** A new bare repository. */
    static Path initBare(Path dir) {
        mkdirs(dir);
        git(dir, "init", "-q", "--bare");
        return dir;
    }

    /** Writes {@code content} to {@code relative} (creating directories) without committing it. */
    static void write(Path workTree, String relative, String content) {
        Path file = workTree.resolve(relative);
        mkdirs(file.getParent());
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the working tree and returns the new commit id. */
    static String commitAll(Path workTree, String message) {
        git(workTree, "add", "-A");
        git(workTree, "commit", "-q", "-m", message);
        return git(workTree, "rev-parse", "HEAD");
    }

    /** Writes one file and commits it. */
    static String commitFile(Path workTree, String relative, String content) {
        write(workTree, relative, content);
        return commitAll(workTree, "set " + relative);
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
