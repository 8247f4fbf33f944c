package io.nicsync.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The append-only record of one apply run: {@code <dir>/<run>.jsonl}, one JSON object a line, each line
 * forced to disk before the applier goes on, next to {@code <dir>/<run>.plan.json}, the plan being applied.
 * A step is journaled as started before it runs and as done after it is verified, so after a crash the
 * journal says which steps may have taken effect.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final Path file;

    private Journal(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /** Creates the journal of a new run and stores the plan beside it. */
    public static Journal create(Path dir, String runId, byte[] plan) throws IOException {
        Files.createDirectories(dir);
        Path planFile = dir.resolve(runId + ".plan.json");
        Files.write(planFile, plan, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        Path file = dir.resolve(runId + ".jsonl");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        forceDirectory(dir);
        return new Journal(channel, file);
    }

    /** Reopens an interrupted run's journal to record its recovery. */
    public static Journal reopen(Path file) throws IOException {
        return new Journal(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), file);
    }

    public Path file() {
        return file;
    }

    public synchronized void record(JournalEvent event) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", event.at().toString());
        line.put("event", event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (event.vm() != null) {
            line.put("vm", event.vm());
        }
        if (event.step() >= 0) {
            line.put("step", event.step());
        }
        if (event.detail() != null) {
            line.put("detail", event.detail());
        }
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        channel.write(ByteBuffer.wrap(bytes));
        channel.force(false);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened for syncing; the file itself is synced.
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
