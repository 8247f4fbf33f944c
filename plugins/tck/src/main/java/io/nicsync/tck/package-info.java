/**
 * The plugin contract kit: what every platform plugin does, as JUnit checks its own tests inherit.
 *
 * <pre>{@code
 * class GanetiContractIT extends TargetContract {
 *     protected TargetPlugin plugin() { return new GanetiPlugin(); }
 *     protected Platform platform() { return new LabCluster(); }   // the real cluster of scripts/lab/ganeti.sh
 * }
 * }</pre>
 *
 * {@link io.nicsync.tck.TargetContract} lists the checks; {@link io.nicsync.tck.Platform} is what a plugin's test
 * provides: its target on a real or simulated platform, a running VM that takes NICs, two networks, a missing one.
 * The kit runs nicsync's own validator, planner and importer against it, so a plugin that passes plans, applies,
 * verifies, rolls back and imports as nicsync needs.
 */
package io.nicsync.tck;
