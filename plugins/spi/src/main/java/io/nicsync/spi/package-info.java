/**
 * The contract between nicsync and the platforms it drives.
 *
 * <p>A {@link io.nicsync.spi.TargetPlugin} (found through {@link java.util.ServiceLoader}) knows one kind of
 * platform, such as libvirt or KubeVirt, and opens a {@link io.nicsync.spi.Target}: one connected
 * hypervisor or cluster. A target observes virtual machines as {@link io.nicsync.spi.LiveVm} values and
 * executes {@link io.nicsync.spi.Step}s. Only the applier calls {@link io.nicsync.spi.Target#execute};
 * diffing and planning work on the values alone.
 *
 * <p>The desired state a user writes,
 * <pre>{@code
 * apiVersion: nicsync.io/v1alpha1
 * kind: VmNics
 * metadata: {name: web-01, target: lab}
 * spec:
 *   nics:
 *     - name: uplink
 *       network: {bridge: br-prod}
 *       link: up
 * }</pre>
 * arrives here as a {@link io.nicsync.spi.DesiredVm} holding one {@link io.nicsync.spi.DesiredNic}. A NIC's
 * identity is its name: libvirt keeps it as the device alias {@code ua-uplink}, KubeVirt as the interface
 * name. NICs nicsync did not create have no name and are matched by MAC address.
 *
 * <p>A plugin declares its platform's vocabulary ({@link io.nicsync.spi.NetworkKind}s with their codecs,
 * {@link io.nicsync.spi.TargetSetting}s, the {@link io.nicsync.spi.Vocabulary} of models and bindings); nicsync
 * composes its schemas, validation, plan files and importer from those declarations, so that
 * {@code network: {bridge: br-prod}} arrives as {@code NetworkRef bridge {name: br-prod}} without anything outside the
 * plugin knowing the key. Every {@link io.nicsync.spi.Step} names its {@link io.nicsync.spi.Action}; matching NICs
 * ({@link io.nicsync.spi.Nics}, {@link io.nicsync.spi.NicPairing}) and counting free slots
 * ({@link io.nicsync.spi.Slots}) are done here once, for nicsync and plugins alike. {@code plugins/tck} is the contract
 * a plugin's tests run against its platform.
 *
 * <p>This module has no third-party dependencies, so a plugin for another platform needs nothing else.
 */
package io.nicsync.spi;
