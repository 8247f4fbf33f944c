/**
 * The platform plugins nicsync runs with and what they declare, and the target settings of one run.
 *
 * <p>{@link io.nicsync.platforms.Plugins} is the vocabulary of the loaded plugins: the validator's schemas, the
 * plan file's network objects, the importer's YAML and {@code nicsync plugins} are composed from it. A plugin
 * declares, for example,
 * <pre>{@code
 * kind: libvirt
 * networkKinds: bridge (name), network (name); observed only: direct, user, other
 * settings: uri (endpoint)
 * models: virtio, e1000, e1000e, rtl8139
 * bindings: none
 * }</pre>
 * and a desired-state NIC {@code network: {bridge: br-prod}} becomes {@code NetworkRef bridge {name: br-prod}}
 * through the {@code bridge} kind's codec.
 *
 * <p>{@link io.nicsync.platforms.TargetOverrides} are the settings a command line replaces for one run
 * ({@code --target-uri lab=qemu+ssh://hv1/system}, {@code --target-setting prod.context=admin}), checked against
 * what the target's plugin declares before any target is opened.
 */
package io.nicsync.platforms;
