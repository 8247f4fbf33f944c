package io.nicsync.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads journals back, to find runs that never finished. */
public final class JournalReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalReader() {
    }

    /** Every run in {@code dir} whose journal has no {@code run-finished} line, oldest first. */
    public static List<InterruptedRun> interrupted(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<InterruptedRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                List<JournalEvent> events = read(f);
                boolean finished = events.stream().anyMatch(e -> e.kind() == JournalEvent.Kind.RUN_FINISHED);
                if (!finished) {
                    String name = f.getFileName().toString();
                    String runId = name.substring(0, name.length() - ".jsonl".length());
                    runs.add(new InterruptedRun(runId, f, dir.resolve(runId + ".plan.json"), events));
                }
            }
        }
        return runs;
    }

    /**
     * The events of one journal. A last line cut short by a crash is ignored: its step was not yet
     * journaled as started, so it never ran.
     */
    public static List<JournalEvent> read(Path file) throws IOException {
        List<JournalEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException torn) {
                break;
            }
            events.add(new JournalEvent(
                    Instant.parse(n.path("at").asText()),
                    JournalEvent.Kind.valueOf(n.path("event").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
                    n.hasNonNull("vm") ? n.get("vm").asText() : null,
                    n.path("step").asInt(-1),
                    n.hasNonNull("detail") ? n.get("detail").asText() : null));
        }
        return events;
    }
}
