package io.nicsync.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <state-dir>/reconcile/last-run.json}: the last cycle's report, replaced atomically, so that a CronJob's
 * next run knows the commit last applied (what tells drift from a new commit) and {@code /status} survives a
 * restart.
 */
final class LastRunFile {
    private final Path file;

    LastRunFile(Path stateDir) {
        this.file = stateDir.resolve("reconcile").resolve("last-run.json");
    }

    Optional<String> read() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The commits last applied as the file says; none when there is no file or it cannot be read. */
    AppliedCommits appliedCommits() {
        return read().map(LastRunFile::applied).orElseGet(AppliedCommits::new);
    }

    private static AppliedCommits applied(String json) {
        AppliedCommits applied = new AppliedCommits();
        try {
            JsonNode doc = new ObjectMapper().readTree(json);
            doc.path("appliedByTarget").properties().forEach(e -> applied.reached(Set.of(e.getKey()), e.getValue().asText()));
            JsonNode latest = doc.path("lastAppliedCommit");
            applied.latest(latest.isTextual() ? latest.asText() : null);
        } catch (IOException e) {
            // a damaged file: every change counts as new, which applies it as policy says
        }
        return applied;
    }

    void write(RunReport report) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "last-run", ".partial");
        try {
            Files.writeString(partial, report.toJson(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
