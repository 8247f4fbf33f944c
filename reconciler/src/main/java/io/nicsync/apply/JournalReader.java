package io.nicsync.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads journals back, to find runs that never finished. Reading is lenient line by line: a line that does not
 * decode or parse (a torn write, a line cut inside a multi-byte character) is skipped and counted, never taken
 * for the end of the journal, so that an end line appended after it is still found.
 */
public final class JournalReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalReader() {
    }

    /** The events of one journal and how many of its lines could not be read. */
    public record Lines(List<JournalEvent> events, int unreadable) {
        public Lines {
            events = List.copyOf(events);
        }
    }

    /** Every run in {@code dir} whose journal has no {@code run-finished} line, oldest first. */
    public static List<InterruptedRun> interrupted(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<InterruptedRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                Lines lines = lines(f);
                boolean finished = lines.events().stream().anyMatch(e -> e.kind() == JournalEvent.Kind.RUN_FINISHED);
                if (!finished) {
                    String name = f.getFileName().toString();
                    String runId = name.substring(0, name.length() - ".jsonl".length());
                    runs.add(new InterruptedRun(runId, f, dir.resolve(runId + ".plan.json"), lines.events(),
                            lines.unreadable()));
                }
            }
        }
        return runs;
    }

    /** The events of one journal; lines that cannot be read are left out (see {@link #lines}). */
    public static List<JournalEvent> read(Path file) throws IOException {
        return lines(file).events();
    }

    /**
     * The events of one journal, each line decoded on its own: bytes that are not UTF-8 become U+FFFD, and a line
     * that is not a journal event (a last line cut short by a crash: its step was not yet journaled as started,
     * so it never ran) is counted in {@link Lines#unreadable()}.
     */
    public static Lines lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<JournalEvent> events = new ArrayList<>();
        int unreadable = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = decode(bytes, start, end);
            if (!line.isBlank()) {
                JournalEvent event = parse(line);
                if (event == null) {
                    unreadable++;
                } else {
                    events.add(event);
                }
            }
            start = end + 1;
        }
        return new Lines(events, unreadable);
    }

    private static String decode(byte[] bytes, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder never throws", e);
        }
    }

    /** The event a line records, or null when it is not one. */
    private static JournalEvent parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) {
                return null;
            }
            return new JournalEvent(
                    Instant.parse(n.path("at").asText()),
                    JournalEvent.Kind.valueOf(n.path("event").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
                    n.hasNonNull("vm") ? n.get("vm").asText() : null,
                    n.path("step").asInt(-1),
                    n.hasNonNull("detail") ? n.get("detail").asText() : null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
