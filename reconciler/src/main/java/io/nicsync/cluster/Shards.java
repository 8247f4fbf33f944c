package io.nicsync.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * How targets are split into shards, and in which order a replica asks for them. Both depend only on names,
 * so every replica of every version computes the same answers.
 */
public final class Shards {
    private Shards() {
    }

    /** The shard of a target: the CRC-32 of its name (UTF-8) modulo the number of shards. */
    public static int of(String target, int shards) {
        return (int) (crc(target) % shards);
    }

    /**
     * The shards in the order {@code identity} asks for them (rendezvous hashing): each replica has its own
     * order, so replicas that start together ask for different shards first.
     */
    static List<Integer> preferenceOrder(String identity, int shards) {
        return IntStream.range(0, shards).boxed()
                .sorted(Comparator.comparingLong((Integer shard) -> score(identity + "/" + shard))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** SHA-256, not CRC-32: the CRCs of names that differ in one character differ by a constant, ranking alike. */
    private static long score(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
