package io.nicsync.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One apply per target at a time, across processes: an OS file lock on {@code <dir>/<target>.lock}. The
 * holder writes who it is into the file so that a waiting apply can name it. The operating system drops
 * the lock when its process dies, even by SIGKILL, so a crash never leaves a target locked.
 */
public final class TargetLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code timeout} for the lock of {@code target}; then fails naming the holder. */
    public static TargetLock acquire(Path dir, String target, LockHolder me, Duration timeout, Clock clock,
            Sleeper sleeper) throws IOException, LockTimeoutException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(target + ".lock");
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                writeHolder(channel, me);
                return new TargetLock(channel, lock);
            }
            channel.close();
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new LockTimeoutException(target, readHolder(file), timeout);
            }
            sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    /** The holder recorded in a target's lock file, or null when nobody holds it or it cannot be read. */
    public static LockHolder readHolder(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return null;
            }
            JsonNode n = JSON.readTree(bytes);
            return new LockHolder(n.path("pid").asLong(), n.path("host").asText(), n.path("user").asText(),
                    Instant.parse(n.path("since").asText()), n.path("command").asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process, for example by another apply in the same JVM
        }
    }

    private static void writeHolder(FileChannel channel, LockHolder me) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", me.pid());
        fields.put("host", me.host());
        fields.put("user", me.user());
        fields.put("since", me.since().toString());
        fields.put("command", me.command());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(fields)), 0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
