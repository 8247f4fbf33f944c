package io.nicsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Real repositories driven by the real {@code git} client: a bare "server" and a working clone. */
final class GitRepos {
    final Path bare;
    final Path work;

    private GitRepos(Path bare, Path work) {
        this.bare = bare;
        this.work = work;
    }

    static GitRepos create(Path dir) {
        Path bare = dir.resolve("server.git");
        Path work = dir.resolve("work");
        git(dir, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(dir, "clone", "-q", bare.toString(), work.toString());
        git(work, "checkout", "-q", "-b", "main");
        return new GitRepos(bare, work);
    }

    String url() {
        return bare.toUri().toString();
    }

    void copyTree(Path from, String to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = work.resolve(to).resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String path, String content) {
        try {
            Path f = work.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything and pushes it with {@code git push}; returns the new commit id. */
    String commitAndPush(String message) {
        git(work, "add", "-A");
        git(work, "-c", "user.name=Ada Operator", "-c", "user.email=ada@example.org", "commit", "-q", "-m", message);
        return push();
    }

    /** {@link #commitAndPush} with the commit signed by the ssh key {@code signingKey} ({@code git commit -S}). */
    String signedCommitAndPush(String message, Path signingKey) {
        git(work, "add", "-A");
        git(work, "-c", "user.name=Ada Operator", "-c", "user.email=ada@example.org", "-c", "gpg.format=ssh",
                "-c", "user.signingkey=" + signingKey, "commit", "-q", "-S", "-m", message);
        return push();
    }

    private String push() {
        git(work, "push", "-q", "origin", "HEAD:main");
        return git(work, "rev-parse", "HEAD").strip();
    }

    void tag(String name) {
        git(work, "tag", name);
        git(work, "push", "-q", "origin", name);
    }

    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
