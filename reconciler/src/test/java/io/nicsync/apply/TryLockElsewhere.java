package io.nicsync.apply;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether another process can take a file's lock: a JVM of its own that tries, and prints {@code free} or
 * {@code held}. OS file locks belong to a process, so only another process can tell whether one is still held.
 */
public final class TryLockElsewhere {
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "held" : "free");
        }
    }

    /** {@code free} or {@code held}, as another process finds {@code file}'s lock. */
    static String check(Path file) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TryLockElsewhere.class.getName());
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the other process did not answer");
        }
        return new String(process.getInputStream().readAllBytes()).strip();
    }
}
