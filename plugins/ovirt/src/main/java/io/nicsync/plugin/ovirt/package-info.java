/**
 * The oVirt plugin: targets of kind {@code ovirt}, one oVirt engine each (also Oracle Linux Virtualization Manager and
 * Red Hat Virtualization, which are oVirt), reached through the Engine API v4 over HTTPS with the official Java SDK
 * ({@code org.ovirt.engine.api:sdk}); {@link io.nicsync.plugin.ovirt.Engine} holds every request.
 *
 * <pre>{@code
 * # nicsync.yaml
 * targets:
 *   - name: dc1
 *     kind: ovirt
 *     url: https://engine.example.org/ovirt-engine/api
 *     caFile: /etc/nicsync/ovirt-engine-ca.pem
 *     user: nicsync@internal
 *     passwordEnv: OVIRT_PASSWORD
 *     replug: allow
 * # a VmNics document
 * metadata: {name: web-01, target: dc1}
 * spec:
 *   nics:
 *     - name: nic2                           # the NIC's name in the engine
 *       network: {vnicProfile: prod/prod}    # network/profile in the VM's data center; or emptyProfile: {}
 *       model: virtio                        # the engine's interface: virtio | e1000 | rtl8139
 *       link: down                           # the engine's linked
 * }</pre>
 *
 * <p><b>The engine's model, and nicsync's.</b> The engine keeps one configuration per NIC (name, interface, MAC,
 * vNIC profile, {@code linked}) and a {@code plugged} flag: a plugged NIC of a running VM is in the VM, and a VM starts
 * with its plugged NICs only ("Run VM: include only nics which are activated"). An unplugged NIC is in the
 * configuration and in neither. nicsync's {@link io.nicsync.spi.LiveVm} has a live and a persistent view; they map
 * so ({@link io.nicsync.plugin.ovirt.Observer}):
 *
 * <table>
 *   <caption>What the engine has, as nicsync sees it</caption>
 *   <tr><th>engine</th><th>live</th><th>persistent</th></tr>
 *   <tr><td>VM up, NIC plugged</td><td>the NIC</td><td>the same NIC</td></tr>
 *   <tr><td>VM up, NIC unplugged</td><td>none</td><td>the NIC (configured, not plugged)</td></tr>
 *   <tr><td>VM up, NIC unplugged, the guest agent still reports its MAC</td><td>the NIC (the guest holds it)</td>
 *       <td>none</td></tr>
 *   <tr><td>VM not up</td><td>none</td><td>the NIC, plugged or not</td></tr>
 * </table>
 *
 * The one configuration is both definitions ({@code separatePersistentDefinition() == false}), and the engine keeps no
 * pending change for later ({@code stagesForRestart() == false}). The steps are the engine's operations
 * ({@link io.nicsync.plugin.ovirt.NicSteps}):
 *
 * <table>
 *   <caption>Steps as engine requests</caption>
 *   <tr><th>step</th><th>engine</th></tr>
 *   <tr><td>add</td><td>add with {@code plugged: true}: the engine adds, then plugs, and takes the addition back when
 *       the plug fails; a configured, unplugged NIC is updated with {@code plugged: true}</td></tr>
 *   <tr><td>unplug</td><td>deactivate, wait until the guest agent no longer reports the NIC, remove: what an unplug
 *       removes from a one-definition VM</td></tr>
 *   <tr><td>repoint, link</td><td>an update of the vNIC profile, of {@code linked}: live on a plugged NIC</td></tr>
 *   <tr><td>persist</td><td>of a VM that is down, the NIC configured and plugged, to start with it; of a running VM,
 *       the configuration without plugging anything</td></tr>
 *   <tr><td>unpersist</td><td>remove (the engine refuses a plugged NIC of a running VM)</td></tr>
 *   <tr><td>restart required</td><td>shut down (power off if the guest does not stop), make the waiting changes,
 *       start</td></tr>
 * </table>
 *
 * <p>Rules decided here once:
 * <ul>
 *   <li>{@code state: absent} unplugs the NIC and removes it, in that order, in one step; the plan shows it as an
 *       unplug, preceded by the carrier going down.</li>
 *   <li>A change the engine refuses on a plugged NIC (interface model, MAC: CANNOT_PERFORM_HOT_UPDATE) is an unplug and
 *       an add with the change when the target's {@code replug} is {@code allow} (the guest is without the NIC for a
 *       moment, and the plan says so), else a restart that makes it while the VM is down, run only when
 *       {@code policy.allowRestart} is true. Neither is ever done silently.</li>
 *   <li>An unplug is done when the guest has released the device: VDSM waits for it (its hotunplug_timeout, then error
 *       50), and the guest agent, where there is one, must stop reporting its MAC.</li>
 *   <li>A NIC is found by its name, unique in the VM; networks are named {@code network/profile} in the VM's data
 *       center, never by the engine's ids, which the desired state, read without the engine, could not compare.</li>
 *   <li>An unplugged NIC of a VM that is down reads as configured: the SPI has no view for "configured, not started".
 *       nicsync plugs it once the VM runs, or when a change of it is made while the VM is down.</li>
 *   <li>The engine's certificate is always checked, against the {@code caFile} or the JDK's authorities, with its
 *       host name ({@link io.nicsync.plugin.ovirt.EngineClient}); the password comes from a file or the environment.</li>
 * </ul>
 */
package io.nicsync.plugin.ovirt;
