/**
 * {@code nicsync import}: from what a target has to the desired state that declares it, so that an existing
 * fleet can be brought under Git. The acceptance test of everything here: {@code nicsync plan} right after
 * an import shows no changes.
 *
 * <p>{@link io.nicsync.importer.Importer} observes the target's VMs (running or stopped) and writes one file
 * per VM, {@code <out>/<target>/<vm>.yaml} ({@code <out>/<target>/<namespace>/<vm>.yaml} on KubeVirt), plus
 * a {@code nicsync.yaml} declaring the target when the output directory has none. For a running libvirt
 * domain with a NIC nicsync added ({@code ua-uplink}) and one it did not:
 * <pre>{@code
 * apiVersion: nicsync.io/v1alpha1
 * kind: VmNics
 * metadata:
 *   name: web-01
 *   target: lab
 * spec:
 *   unmanaged: warn # live NICs not listed below are reported by every plan, never changed
 *   nics:
 *     - name: nic0 # the VM has no name for this NIC: a name made up by the import; the MAC finds it
 *       network:
 *         bridge: br-lab0
 *       model: virtio
 *       mac: "52:54:00:8a:38:82"
 *       link: up
 *       persist: true
 *     - name: uplink
 *       network:
 *         network: lab
 *       model: virtio
 *       mac: "52:54:00:10:00:01"
 *       link: down
 *       persist: false # plugged, but not in the persistent definition
 * }</pre>
 *
 * <p>Rules, each decided here once:
 * <ul>
 *   <li><b>Names.</b> A NIC keeps its nicsync name (libvirt alias {@code ua-<name>}). A NIC without one gets
 *       {@code nic0}, {@code nic1}, ... in PCI address order, and always its MAC: the planner matches the
 *       desired NIC to the unnamed one by MAC (adoption) and plans nothing for it when all else matches.
 *   <li><b>Values</b> ({@code VmImport}): network and link as the running VM has them (the persistent
 *       definition for a stopped VM); {@code persist} says whether the persistent definition holds the NIC;
 *       MAC, model and binding only where both definitions agree, since a written value one definition lacks
 *       would be a change; the boot order from the persistent definition.
 *   <li><b>Left out, with a warning and a comment in the file:</b> NICs on network kinds the platform cannot
 *       declare (macvtap, user networking), NICs of a running VM that are in its persistent definition only
 *       (declaring one would plug it), NICs with a name the format does not allow. {@code unmanaged: warn}
 *       makes every plan report them and change nothing.
 *   <li><b>All or nothing.</b> Before writing, the import refuses files in the way (unless {@code --force}),
 *       runs the {@link io.nicsync.validate.Validator} on the output together with the directory's
 *       {@code nicsync.yaml}, and runs the planner on the result: steps it would still plan (a NIC whose
 *       live and persistent definitions differ in link or network) become warnings. Files are staged, then
 *       moved into place.
 * </ul>
 * Nothing here prints; the command renders {@link io.nicsync.importer.ImportResult}.
 */
package io.nicsync.importer;
