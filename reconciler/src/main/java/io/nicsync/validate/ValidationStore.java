package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Each desired-state file's own checks, kept on disk under the file's blob id, the way Argo CD's repo-server keeps
 * what it generated per commit: a later process that meets the same content reads neither the file nor its YAML,
 * and takes the VMs it declares and the problems it has from here. Nothing cached can hide a change, since the key is
 * the content; the rules across files run on every validation.
 *
 * <p>One file per {@linkplain Validator#storeKey() key} (the schemas the installed plugins compose, nicsync's build
 * and the plugins', the limits): a header line {@code nicsync-checks 1 KEY}, then one line per blob,
 * {@code BLOB-ID CRC-32C JSON} ({@link CheckedFileCodec}). A line whose checksum does not match, that does not
 * decode, or a file of another key or format is never trusted: its files are checked again and the store is
 * written anew. Written whole to a temporary file and moved over the old one, so a reader sees one or the other;
 * the entries a validation used come first, and older ones follow while the store stays under its size bound.
 *
 * <p>One store serves one validation at a time.
 */
public final class ValidationStore {
    static final String HEADER = "nicsync-checks 2 ";
    /**
     * An entry's checksum: CRC-32C in hex, which finds a damaged line (a torn write, a flipped bit) at a small part of
     * a cryptographic digest's cost, read on every plan for every file. It guards against accidents only: whoever
     * can write the cache directory can write a matching checksum of any kind.
     */
    private static final int SUM = 8;
    /** The default bound: tens of thousands of VMs' files. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final String key;
    private final long maxBytes;
    private final byte[] bytes;
    /** Blob id to where its line's checksum starts and where the line ends, in {@link #bytes}. */
    private final Map<String, int[]> index;
    private final Map<String, byte[]> added = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    /** Whether the file on disk lacks what this store knows: new checks, or an entry or a file found damaged. */
    private boolean dirty;

    private ValidationStore(Path file, String key, long maxBytes, byte[] bytes, Map<String, int[]> index,
            boolean damaged) {
        this.file = file;
        this.key = key;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.index = index;
        this.dirty = damaged;
    }

    /**
     * The store of {@code key} in nicsync's cache directory {@code cacheRoot} (where remote repositories are cloned:
     * {@code $NICSYNC_CACHE_DIR}, else {@code $XDG_CACHE_HOME/nicsync/repos}, else {@code ~/.cache/nicsync/repos}),
     * in its {@code validation} directory; null when {@code NICSYNC_VALIDATION_CACHE} is {@code off}.
     */
    public static ValidationStore inCacheDirectory(Path cacheRoot, Map<String, String> env, String key) {
        if ("off".equals(env.get("NICSYNC_VALIDATION_CACHE"))) {
            return null;
        }
        return open(cacheRoot.resolve("validation"), key, DEFAULT_MAX_BYTES);
    }

    /**
     * The store of {@code key} in {@code directory}: what it holds, or nothing when it is missing, unreadable, of
     * another key or damaged (then the next {@link #save} writes it anew).
     */
    public static ValidationStore open(Path directory, String key, long maxBytes) {
        Path file = directory.resolve(key.substring(0, Math.min(key.length(), 32)) + ".checks");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new ValidationStore(file, key, maxBytes, new byte[0], Map.of(), false);
        }
        byte[] header = (HEADER + key + "\n").getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
            return new ValidationStore(file, key, maxBytes, new byte[0], Map.of(), true);
        }
        Map<String, int[]> index = new HashMap<>();
        boolean damaged = false;
        int at = header.length;
        while (at < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', at);
            if (end < 0) {
                damaged = true; // a line without its end: the write that made it did not finish
                break;
            }
            if (end - at > 41 + SUM + 1 && bytes[at + 40] == ' ' && bytes[at + 41 + SUM] == ' ') {
                index.put(new String(bytes, at, 40, StandardCharsets.US_ASCII), new int[] {at + 41, end});
            } else {
                damaged = true;
            }
            at = end + 1;
        }
        return new ValidationStore(file, key, maxBytes, bytes, index, damaged);
    }

    /** Whether the store may hold the checks of this content: its file need not be read before {@link #find}. */
    public boolean has(String blobId) {
        return index.containsKey(blobId) || added.containsKey(blobId);
    }

    /**
     * The checks of {@code file} kept under its blob id, or null; a damaged entry is forgotten (the caller checks the
     * file again and {@link #put}s the result).
     */
    CheckedFile find(SourceFile file, Function<SourceFile, ReadAgain> again) {
        int[] line = index.get(file.blobId());
        if (line == null) {
            return null;
        }
        int json = line[0] + SUM + 1;
        String sum = new String(bytes, line[0], SUM, StandardCharsets.US_ASCII);
        if (!sum.equals(checksum(bytes, json, line[1] - json))) {
            return forget(file.blobId());
        }
        ReadAgain read = again.apply(file);
        try {
            CheckedFile checked = CheckedFileCodec.decode(bytes, json, line[1] - json, file.path(),
                    read::lighter);
            used.add(file.blobId());
            return checked;
        } catch (IOException e) {
            return forget(file.blobId());
        }
    }

    /** Keeps {@code checked}, the checks just made of {@code file}. */
    void put(SourceFile file, CheckedFile checked) {
        if (!file.loaded()) {
            return; // a file too large to read: nothing to keep that would save work
        }
        added.put(file.blobId(), CheckedFileCodec.encode(checked));
        used.add(file.blobId());
        dirty = true;
    }

    /** The checks of {@code blobId} were used again from memory: they are kept first when the store is bounded. */
    void touch(String blobId) {
        if (has(blobId)) {
            used.add(blobId);
        }
    }

    /**
     * Writes the store if this validation changed it: the entries it used first, then older ones while the whole
     * stays under the bound. A store that cannot be written is a slower next run, not a failure.
     */
    public void save() {
        if (!dirty) {
            used.clear();
            return;
        }
        Set<String> kept = new LinkedHashSet<>();
        Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                byte[] header = (HEADER + key + "\n").getBytes(StandardCharsets.US_ASCII);
                out.write(header);
                long written = header.length;
                Set<String> order = new LinkedHashSet<>(used);
                order.addAll(added.keySet());
                order.addAll(index.keySet());
                for (String blobId : order) {
                    byte[] json = added.get(blobId);
                    int[] line = json == null ? index.get(blobId) : null;
                    long length = json != null ? 41 + SUM + 1 + json.length + 1 : line == null ? 0 : line[1] - line[0] + 42;
                    if (length == 0 || written + length > maxBytes && !used.contains(blobId)) {
                        continue;
                    }
                    out.write((blobId + " ").getBytes(StandardCharsets.US_ASCII));
                    if (json != null) {
                        out.write((checksum(json, 0, json.length) + " ").getBytes(StandardCharsets.US_ASCII));
                        out.write(json);
                    } else {
                        out.write(bytes, line[0], line[1] - line[0]);
                    }
                    out.write('\n');
                    written += length;
                    kept.add(blobId);
                }
            }
            move(temporary, file);
            added.keySet().retainAll(kept);
            index.keySet().retainAll(kept);
            dirty = false;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more to do: the next run checks its files again
            }
        }
        used.clear();
    }

    /** Where the store lives. */
    public Path file() {
        return file;
    }

    private CheckedFile forget(String blobId) {
        index.remove(blobId);
        dirty = true;
        return null;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    static String sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
