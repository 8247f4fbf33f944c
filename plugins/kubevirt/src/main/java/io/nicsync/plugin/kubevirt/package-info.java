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
 * <p>What each release can do (hotplug gate, rollout strategy, link state from v1.5, NAD changes from v1.8,
 * placeholder capacity) is read from the KubeVirt CR when a target opens. Changes KubeVirt would only apply
 * at a restart (binding, model, MAC: {@code RestartRequired}) are refused by every step but
 * {@link io.nicsync.spi.RestartRequired}, which writes them and restarts the VM through virt-api.
 */
package io.nicsync.plugin.kubevirt;
