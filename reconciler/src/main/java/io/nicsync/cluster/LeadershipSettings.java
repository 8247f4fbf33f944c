package io.nicsync.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the replicas of {@code nicsync serve} share the targets.
 *
 * @param namespace where the Leases live (the replicas' own namespace)
 * @param leasePrefix Lease {@code i} is named {@code <leasePrefix>-shard-<i>}
 * @param shards how many shards the targets are split into; every replica must use the same number
 * @param identity this replica, written as the Leases' holder: the pod name
 * @param leaseDuration how long a Lease holds without renewal; another replica takes over a shard this long
 *     after its holder stopped renewing
 * @param renewDeadline how long a holder keeps trying to renew before it gives the shard up; shorter than
 *     {@code leaseDuration}, so that a holder has stopped before anyone else can take over
 * @param retryPeriod how often Leases are tried and renewed; also the timeout of each election request
 * @param stagger the delay between asking for one shard and the next, in this replica's preference order
 */
public record LeadershipSettings(String namespace, String leasePrefix, int shards, String identity,
        Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, Duration stagger) {

    /** Kubernetes' own controllers use 15 s, 10 s and 2 s. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

    public LeadershipSettings {
        List<String> problems = new ArrayList<>();
        if (namespace == null || namespace.isBlank()) {
            problems.add("a namespace for the Leases is required");
        }
        if (leasePrefix == null || !leasePrefix.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            problems.add("lease prefix '" + leasePrefix + "' is not a Kubernetes object name");
        }
        if (shards < 1) {
            problems.add("shards must be at least 1, not " + shards);
        }
        if (identity == null || identity.isBlank()) {
            problems.add("an identity is required: set POD_NAME (or HOSTNAME)");
        }
        if (renewDeadline.plus(retryPeriod.multipliedBy(2)).compareTo(leaseDuration) >= 0) {
            // a holder notices the deadline at its next try (one period), whose request may take one more
            problems.add("renew deadline " + renewDeadline + " plus twice the retry period " + retryPeriod
                    + " must be shorter than the lease duration " + leaseDuration
                    + ", or two replicas could own a shard at once");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The defaults, with the identity from {@code POD_NAME}, else {@code HOSTNAME}. */
    public static LeadershipSettings of(String namespace, String leasePrefix, int shards, Map<String, String> env) {
        return new LeadershipSettings(namespace, leasePrefix, shards, identity(env), LEASE_DURATION, RENEW_DEADLINE,
                RETRY_PERIOD, LEASE_DURATION);
    }

    /**
     * The settings deploy/deployment.yaml gives a replica: {@code NICSYNC_SHARDS} (none: a single replica that
     * owns every target, no election), {@code POD_NAMESPACE} and {@code POD_NAME} from the downward API,
     * {@code NICSYNC_LEASE_PREFIX} (default {@code nicsync}). Every problem is reported at once.
     */
    public static Optional<LeadershipSettings> fromEnvironment(Map<String, String> env) {
        String shards = env.get("NICSYNC_SHARDS");
        if (shards == null || shards.isBlank()) {
            return Optional.empty();
        }
        int count;
        try {
            count = Integer.parseInt(shards.trim());
        } catch (NumberFormatException e) {
            count = 0;
        }
        String namespace = env.get("POD_NAMESPACE");
        String prefix = env.getOrDefault("NICSYNC_LEASE_PREFIX", "nicsync");
        try {
            return Optional.of(of(namespace, prefix, count, env));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage()
                    .replace("a namespace for the Leases is required", "POD_NAMESPACE is not set")
                    .replace("shards must be at least 1, not 0", "NICSYNC_SHARDS must be a number of at least 1, not '"
                            + shards + "'");
            throw new IllegalArgumentException(message, e);
        }
    }

    static String identity(Map<String, String> env) {
        String pod = env.get("POD_NAME");
        return pod != null && !pod.isBlank() ? pod : env.get("HOSTNAME");
    }

    public String leaseName(int shard) {
        return leasePrefix + "-shard-" + shard;
    }
}
