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
 *   <tr><td>VM not up</td><td>none</td><td>the NIC, plugged or not</td></tr>
 * </table>
 *
 * The one configuration is both definitions ({@code separatePersistentDefinition() == false}) and keeps unplugged
 * NICs ({@code keepsUnpluggedNics() == true}), and the engine keeps no pending change for later
 * ({@code stagesForRestart() == false}). The steps are the engine's operations
 * ({@link io.nicsync.plugin.ovirt.NicSteps}):
 *
 * <table>
 *   <caption>Steps as engine requests</caption>
 *   <tr><th>step</th><th>engine</th></tr>
 *   <tr><td>add</td><td>an update of the configured NIC with {@code plugged: true} and the change asked; a NIC not
 *       configured at all is added with {@code plugged: true} (the engine adds, plugs, and takes the addition back when
 *       the plug fails)</td></tr>
 *   <tr><td>unplug</td><td>deactivate: VDSM answers once the guest has released the device; the NIC stays configured,
 *       with its engine id and MAC</td></tr>
 *   <tr><td>repoint, link</td><td>an update of the vNIC profile, of {@code linked}: live on a plugged NIC</td></tr>
 *   <tr><td>persist</td><td>a new NIC added, unplugged to a running VM, plugged to a VM that is down (to start with
 *       it); a configured NIC updated, plugged or not as it was</td></tr>
 *   <tr><td>unpersist</td><td>remove, of a running VM once the guest agent no longer reports the MAC (the engine
 *       refuses a plugged NIC of a running VM)</td></tr>
 *   <tr><td>restart required</td><td>shut down (power off if the guest does not stop), make the waiting changes,
 *       start; a VM it took down is started again whatever failed</td></tr>
 * </table>
 *
 * <p>Rules decided here once:
 * <ul>
 *   <li>{@code state: absent} is three steps: carrier down, unplug (deactivate), unpersist (remove). A new NIC is
 *       two: persist (added unplugged), add (plugged). So the undo of each step leaves the VM as it was: the undo of
 *       plugging a configured NIC unplugs it and keeps it, the undo of a persist removes what it added.</li>
 *   <li>A change the engine refuses on a plugged NIC (interface model, MAC: CANNOT_PERFORM_HOT_UPDATE) is an unplug and
 *       an add of the same engine NIC with the change when the target's {@code replug} is {@code allow} (the guest is
 *       without the NIC for a moment, and the plan says so; its MAC never goes back to the pool), else a restart that
 *       makes it while the VM is down, run only when {@code policy.allowRestart} is true. Neither is ever done
 *       silently.</li>
 *   <li>An unplug is done when the engine has the NIC unplugged: VDSM answers only once the guest has released the
 *       device (its hotunplug_timeout, then error 50). The MAC goes back to the pool only with the removal, which
 *       waits until the guest agent, where there is one, no longer reports it.</li>
 *   <li>Every request of a step waits no longer than what is left of the step
 *       ({@link io.nicsync.plugin.ovirt.EngineHttp}); a write whose answer did not come has an unknown outcome, and the
 *       NIC is read again before the step says more ({@link io.nicsync.plugin.ovirt.Writes}).</li>
 *   <li>A NIC is found by its name, unique in the VM; networks are named {@code network/profile} in the VM's data
 *       center, never by the engine's ids, which the desired state, read without the engine, could not compare.</li>
 *   <li>An unplugged NIC of a VM that is down reads as configured: the SPI has no view for "configured, not started".
 *       nicsync plugs it once the VM runs (or a restart brings it).</li>
 *   <li>The engine's certificate is always checked, against the {@code caFile} or the JDK's authorities, with its
 *       host name ({@link io.nicsync.plugin.ovirt.EngineClient}); the password comes from a file or the
 *       environment.</li>
 * </ul>
 */
package io.nicsync.plugin.ovirt;
