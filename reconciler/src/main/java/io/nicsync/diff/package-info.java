/**
 * What differs between a VM's desired NICs and the NICs it has: {@link io.nicsync.diff.Diff#diff} turns a
 * {@link io.nicsync.spi.DesiredVm} and a {@link io.nicsync.spi.LiveVm} into
 * {@link io.nicsync.diff.NicChange}s. Pure: no I/O, no clock, the SPI only.
 *
 * <p>Given
 * <pre>{@code
 * spec:
 *   unmanaged: warn
 *   nics:
 *     - name: uplink
 *       network: {bridge: br-prod}
 *       link: down
 *     - name: old0
 *       network: {bridge: br-old}
 *       state: absent
 * }</pre>
 * and a running VM with {@code uplink} plugged (link up, persisted with link up), {@code old0} plugged and
 * persisted, and an unnamed NIC, the diff is: a link change of {@code uplink}, a persistent drift of
 * {@code uplink} (link up -> down), {@code old0} unwanted live and a leftover in the persistent definition,
 * and the unnamed NIC reported as unmanaged.
 *
 * <p>Rules, each decided here once:
 * <ul>
 *   <li><b>Matching.</b> A desired NIC matches the observed NIC of the same name. A desired NIC with a MAC
 *       that matched nothing by name takes an unnamed observed NIC with that MAC (adoption, reported). The
 *       adopted NIC keeps no name (libvirt cannot change an alias live), so steps find it by MAC. If a NIC
 *       matched by name declares a MAC another observed NIC carries, that is reported and nothing adopts.
 *   <li><b>Omitted fields</b> ({@code mac}, {@code model}, {@code binding}, {@code bootOrder}) keep what each
 *       definition has: they are filled from the observed NIC before comparing or persisting.
 *   <li><b>Live vs persistent.</b> Live changes are computed for running (or paused) VMs only; a stopped VM
 *       gets persistent changes only. MAC, model and binding of a plugged NIC cannot change live
 *       ({@link io.nicsync.diff.NicChange.FixedChange}). The boot order matters only at boot, so it is
 *       compared in the persistent definition only.
 *   <li><b>{@code persist: false}</b> means the persistent definition must not hold the NIC: an entry there
 *       is a leftover to remove, not something to leave alone (leaving it would bring the NIC back, maybe
 *       differently configured, at the next start).
 *   <li><b>{@code unmanaged}</b>: {@code ignore} says nothing; {@code warn} reports each unlisted NIC;
 *       {@code unplug} removes it live and from the persistent definition, as {@code state: absent} does.
 *   <li>Networks compare as values: the plugins write each reference in its normal form (a KubeVirt Multus
 *       reference always with its namespace), and pairing and "does this NIC satisfy that one" are the SPI's
 *       ({@link io.nicsync.spi.NicPairing}, {@link io.nicsync.spi.Nics}), shared with the planner and the
 *       verification of each step.
 * </ul>
 */
package io.nicsync.diff;
