/**
 * The KubeVirt plugin: targets of kind {@code kubevirt}, one Kubernetes cluster running KubeVirt each.
 *
 * <p>A NIC is a KubeVirt interface and the network of the same name. Its persistent definition is the
 * VirtualMachine's template; its live state is the VirtualMachineInstance, where a NIC counts as plugged only
 * once virt-handler reports it from the domain ({@code status.interfaces[].infoSource} has {@code domain}).
 * The desired NIC
 * <pre>{@code
 * - name: uplink
 *   network: {multus: prod/br-prod}
 *   binding: bridge
 *   link: down
 * }</pre>
 * is written (v1.1+) into the template as
 * <pre>{@code
 * domain: {devices: {interfaces: [{name: uplink, bridge: {}, model: virtio, state: down}]}}
 * networks: [{name: uplink, multus: {networkName: prod/br-prod}}]
 * }</pre>
 * and KubeVirt carries it into the running VMI: in place where the multus dynamic-networks controller runs,
 * otherwise by a live migration. Unplugging sets {@code state: absent}; KubeVirt deletes the entry itself
 * once the guest released the NIC, and the plugin never writes it back. KubeVirt v1.0 has no template API
 * for this and is driven through its {@code addinterface} / {@code removeinterface} subresources instead.
 *
 * <p>What each release can do (hotplug gate, link state from v1.5, NAD changes from v1.8, placeholder capacity)
 * is read from the KubeVirt CR when a target opens; the table in the plugin's README says it per release. A live
 * step (add, unplug, link, repoint) is refused where KubeVirt would not carry it into the running VM. Changes
 * KubeVirt applies only at the next start (binding, model, MAC, a NAD before v1.8) are persistent steps: written
 * into the template, as KubeVirt takes them (condition {@code RestartRequired}), and brought in by the plan's
 * {@link io.nicsync.spi.RestartRequired} step, which restarts the VM through virt-api when the policy allows it.
 *
 * <p>A template that names no NIC boots with KubeVirt's pod interface {@code default}: it is read as the
 * template's, and written out with the first NIC written into such a template ({@code DefaultPodNic}), or the VM would
 * lose its pod network at its next start.
 */
package io.nicsync.plugin.kubevirt;
