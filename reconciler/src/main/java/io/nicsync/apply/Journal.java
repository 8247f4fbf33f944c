package io.nicsync.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only record of one apply run: {@code <dir>/<run>.jsonl}, one JSON object a line, each line
 * forced to disk before the applier goes on, next to {@code <dir>/<run>.plan.json}, the plan being applied, whose
 * SHA-256 the first line records. A step is journaled as started before it runs and as done after it is verified,
 * so after a crash the journal says which steps may have taken effect. Both files are the owner's alone (0600).
 *
 * <p>A line is written completely or the journal fails loudly: a write that made no progress or failed half-way
 * breaks the journal, and every later {@link #record} throws, so that no step runs unjournaled and no line is
 * appended after a torn one. {@link #reopen} cuts a torn last line (a crash in the middle of a write) back to the
 * last newline before anything is appended, and says so.
 */
public final class Journal implements AutoCloseable {
    /** How the first line names the plan's digest: {@code plan sha256:<hex>}. */
    static final String PLAN_DIGEST = "plan sha256:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final Path file;
    private final byte[] plan;
    private final String repaired;
    private IOException broken;

    private Journal(FileChannel channel, Path file, byte[] plan, String repaired) {
        this.channel = channel;
        this.file = file;
        this.plan = plan;
        this.repaired = repaired;
    }

    /** Creates the journal of a new run and stores the plan beside it. */
    public static Journal create(Path dir, String runId, byte[] plan) throws IOException {
        StateFiles.createPrivateDirectories(dir);
        Path planFile = dir.resolve(runId + ".plan.json");
        try (FileChannel out = StateFiles.openPrivate(planFile, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            StateFiles.writeFully(out, ByteBuffer.wrap(plan), 0);
            out.force(true);
        }
        Path file = dir.resolve(runId + ".jsonl");
        FileChannel channel = StateFiles.openPrivate(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory(dir);
        return new Journal(channel, file, plan.clone(), null);
    }

    /**
     * Reopens an interrupted run's journal to record its recovery. A last line without its newline was being
     * written when the process died: it is cut off first ({@link #repaired()} says so), so that what is
     * appended starts a line of its own.
     */
    public static Journal reopen(Path file) throws IOException {
        FileChannel channel = StateFiles.openPrivate(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long keep = afterLastNewline(channel, size);
            String repaired = null;
            if (keep < size) {
                channel.truncate(keep);
                channel.force(true);
                repaired = "journal " + file + ": cut a torn last line of " + (size - keep)
                        + " byte(s), a write the interrupted run did not finish";
            }
            channel.position(keep);
            return new Journal(channel, file, null, repaired);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** What {@link #reopen} cut off, in words; empty when the journal ended with a whole line. */
    public Optional<String> repaired() {
        return Optional.ofNullable(repaired);
    }

    /** The first line: the run started, applying the plan whose SHA-256 it records. */
    public void started(Instant at) throws IOException {
        if (plan == null) {
            throw new IllegalStateException("a reopened journal has started already");
        }
        record(new JournalEvent(at, JournalEvent.Kind.RUN_STARTED, null, -1, PLAN_DIGEST + sha256(plan)));
    }

    public synchronized void record(JournalEvent event) throws IOException {
        if (broken != null) {
            throw new IOException("journal " + file + " is broken since a write failed (" + broken.getMessage()
                    + "): nothing more is written to it", broken);
        }
        byte[] bytes = (JSON.writeValueAsString(line(event)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            StateFiles.appendFully(channel, ByteBuffer.wrap(bytes));
            channel.force(false);
        } catch (IOException e) {
            broken = e;
            throw new IOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of {@code bytes} in hex, as the first line records a plan's. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> line(JournalEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", event.at().toString());
        line.put("event", event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (event.vm() != null) {
            line.put("vm", event.vm());
        }
        if (event.step() >= 0) {
            line.put("step", event.step());
        }
        if (event.detail() != null) {
            line.put("detail", event.detail());
        }
        return line;
    }

    /** The length of the file up to and including its last newline; 0 when it has none. */
    private static long afterLastNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) > 0) {
                // read the whole chunk
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
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
