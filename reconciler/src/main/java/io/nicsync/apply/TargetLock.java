package io.nicsync.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.guard.FileNames;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * One apply per target at a time, across processes and within one: an OS file lock on {@code <dir>/<target>.lock}.
 * The holder writes who it is into the file (mode 0600, credentials in its command line blanked) so that a waiting
 * apply can name it. The operating system drops the lock when its process dies, even by SIGKILL, so a crash never
 * leaves a target locked.
 *
 * <p>An OS file lock belongs to the process, and closing <em>any</em> descriptor of the file releases it (POSIX
 * record locks, which the JDK uses): a second apply in the same process that merely opened and closed the file
 * would free the first one's target for everyone. So the holders in this process are kept in a registry, and the
 * file of a target held here is not opened again until its holder let it go.
 */
public final class TargetLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    /** The lock files this process holds or is about to hold, by absolute path, with their holder. */
    private static final Map<Path, LockHolder> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits up to {@code timeout} for the lock of {@code target}; then fails naming the holder.
     *
     * @throws IllegalArgumentException a target name that cannot name a file ({@link FileNames})
     */
    public static TargetLock acquire(Path dir, String target, LockHolder me, Duration timeout, Clock clock,
            Sleeper sleeper) throws IOException, LockTimeoutException, InterruptedException {
        Path file = dir.resolve(FileNames.of("target", target) + ".lock").toAbsolutePath().normalize();
        StateFiles.createPrivateDirectories(dir);
        Instant deadline = clock.instant().plus(timeout);
        LockHolder redacted = me.redacted();
        while (true) {
            LockHolder holder = HELD_HERE.putIfAbsent(file, redacted);
            if (holder == null) {
                Attempt attempt = tryLock(file, redacted);
                if (attempt.lock() != null) {
                    return attempt.lock();
                }
                holder = attempt.otherProcess();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new LockTimeoutException(target, holder, timeout);
            }
            sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    /** The lock, or else who holds it in another process (null when unknown). */
    private record Attempt(TargetLock lock, LockHolder otherProcess) {
    }

    /**
     * The OS lock on {@code file}, which this process has claimed in the registry. When another process holds it,
     * its holder is read through the same descriptor, before the claim is dropped: no second descriptor of a lock
     * file is ever opened (and closed) in this process while another thread may hold the lock.
     */
    private static Attempt tryLock(Path file, LockHolder me) throws IOException {
        FileChannel channel = null;
        try {
            channel = StateFiles.openPrivate(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                writeHolder(channel, me);
                return new Attempt(new TargetLock(file, channel, lock), null);
            }
            LockHolder other = parseHolder(readAll(channel));
            channel.close();
            HELD_HERE.remove(file);
            return new Attempt(null, other);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(file);
            if (e instanceof OverlappingFileLockException) {
                throw new IllegalStateException("lock " + file + " is held in this process outside the registry", e);
            }
            throw e;
        }
    }

    /**
     * The holder recorded in a target's lock file, or null when nobody holds it or it cannot be read. For tools and
     * tests: never call it on a lock this process may hold (closing the file would release the lock).
     */
    public static LockHolder readHolder(Path file) {
        try {
            return parseHolder(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // a lock file is a few hundred bytes
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static LockHolder parseHolder(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            return new LockHolder(n.path("pid").asLong(), n.path("host").asText(), n.path("user").asText(),
                    Instant.parse(n.path("since").asText()), n.path("command").asText()).redacted();
        } catch (IOException | RuntimeException e) {
            return null;
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
        StateFiles.writeFully(channel, ByteBuffer.wrap(JSON.writeValueAsBytes(fields)), 0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_HERE.remove(file);
            }
        }
    }
}
