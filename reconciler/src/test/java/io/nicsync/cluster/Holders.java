package io.nicsync.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns each shard as the replicas themselves report it through their listeners, and every moment at which
 * two replicas owned the same shard.
 */
final class Holders {
    private final Map<Integer, Set<String>> owners = new HashMap<>();
    private final List<String> overlaps = new ArrayList<>();

    ShardListener of(String replica) {
        return new ShardListener() {
            @Override
            public void gained(int shard) {
                synchronized (Holders.this) {
                    Set<String> set = owners.computeIfAbsent(shard, s -> new LinkedHashSet<>());
                    set.add(replica);
                    if (set.size() > 1) {
                        overlaps.add("shard " + shard + " owned by " + set);
                    }
                }
            }

            @Override
            public void lost(int shard) {
                synchronized (Holders.this) {
                    owners.getOrDefault(shard, new LinkedHashSet<>()).remove(replica);
                }
            }
        };
    }

    /** Every shard has exactly one owner. */
    synchronized boolean allOwnedOnce(int shards) {
        for (int shard = 0; shard < shards; shard++) {
            if (owners.getOrDefault(shard, Set.of()).size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** The one owner of the shard, or null when it has none (or several). */
    synchronized String owner(int shard) {
        Set<String> set = owners.getOrDefault(shard, Set.of());
        return set.size() == 1 ? set.iterator().next() : null;
    }

    synchronized List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    @Override
    public synchronized String toString() {
        return owners.toString();
    }
}
