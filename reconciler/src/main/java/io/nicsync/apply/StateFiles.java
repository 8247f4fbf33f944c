package io.nicsync.apply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of the state directory (locks, journals, the plans beside them): created readable by their owner only
 * (0600, directories 0700) where the file system has POSIX permissions, since they name hosts, users and commands;
 * and written completely or not at all: a short write is written on, never ignored.
 */
final class StateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private StateFiles() {
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (POSIX && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Opens {@code file}; when the options create it, with mode 0600. */
    static FileChannel openPrivate(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), privateFile());
    }

    /** Every byte of {@code bytes} at {@code position}, or an exception: never part of it silently. */
    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            int written = channel.write(bytes, at);
            if (written <= 0) {
                throw new IOException("no progress writing " + bytes.remaining() + " byte(s)");
            }
            at += written;
        }
    }

    /** Every byte of {@code bytes} at the channel's position, or an exception. */
    static void appendFully(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) <= 0) {
                throw new IOException("no progress writing " + bytes.remaining() + " byte(s)");
            }
        }
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }
}
