/**
 * Several replicas of {@code nicsync serve} sharing the targets: the targets are split into shards
 * ({@link io.nicsync.cluster.Shards#of}: CRC-32 of the target name modulo the number of shards), each shard
 * has a Kubernetes Lease, and a replica applies only to the targets of the shards whose Lease it holds
 * ({@link io.nicsync.cluster.ShardLeadership#owns}). The election is fabric8's {@code LeaderElector} on a
 * {@code LeaseLock}; Kubernetes is the coordinator, nothing here is a consensus of its own.
 *
 * <p>With four shards in namespace {@code nicsync} the Leases are
 * <pre>{@code
 * apiVersion: coordination.k8s.io/v1
 * kind: Lease
 * metadata: {name: nicsync-shard-2, namespace: nicsync}
 * spec: {holderIdentity: nicsync-6c9d7b-x2kq4, leaseDurationSeconds: 15, renewTime: ...}
 * }</pre>
 * and the replica {@code nicsync-6c9d7b-x2kq4} applies to every target {@code t} with
 * {@code Shards.of(t, 4) == 2}.
 *
 * <p>Safety rests on the usual lease arithmetic: a holder gives a shard up (and {@code owns} answers false)
 * when it could not renew within the renew deadline, which with one more retry period and one request
 * timeout is shorter than the lease duration after which anyone else may take it.
 */
package io.nicsync.cluster;
