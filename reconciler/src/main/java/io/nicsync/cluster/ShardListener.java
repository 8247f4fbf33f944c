package io.nicsync.cluster;

/**
 * Told when this replica starts or stops owning a shard. Called on the election's threads: keep it short.
 * {@link #lost} is called before another replica can own the shard (the lease outlives the holder's renew
 * deadline), and {@link ShardLeadership#owns} already answers false when it runs.
 */
public interface ShardListener {
    void gained(int shard);

    void lost(int shard);

    ShardListener NONE = new ShardListener() {
        @Override
        public void gained(int shard) {
        }

        @Override
        public void lost(int shard) {
        }
    };
}
