package io.nicsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the journal an apply writes under {@code <state-dir>/journal/<run>.jsonl}, as a person would. */
record Journal(Path file) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The one run journaled in {@code stateDir}, empty while the run has not created it yet. */
    static java.util.Optional<Journal> only(Path stateDir) {
        Path dir = stateDir.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> runs = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            if (runs.size() > 1) {
                throw new AssertionError("expected one run in " + dir + ", found " + runs);
            }
            return runs.stream().findFirst().map(Journal::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete line; a line being written is left for the next read. */
    List<JsonNode> events() {
        try {
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException torn) {
                    break;
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String event) {
        return events().stream().filter(e -> e.path("event").asText().equals(event)).count();
    }

    boolean started(String event, String vm) {
        return events().stream()
                .anyMatch(e -> e.path("event").asText().equals(event) && e.path("vm").asText().equals(vm));
    }

    String text() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
