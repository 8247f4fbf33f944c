/**
 * The Ganeti plugin: targets of kind {@code ganeti}, one Ganeti cluster each, reached through its Remote API
 * (RAPI) over HTTPS with the JDK's HttpClient and Jackson.
 *
 * <pre>{@code
 * # nicsync.yaml
 * targets:
 *   - name: gnt
 *     kind: ganeti
 *     rapi: https://cluster.example.org:5080
 *     caFile: /etc/nicsync/ganeti-rapi.pem      # or fingerprint: <SHA-256>
 *     tlsName: ganeti.example.com               # the name in Ganeti 3.0's own certificates
 *     user: nicsync
 *     passwordFile: /etc/nicsync/ganeti-rapi-password
 * # a VmNics document
 * metadata: {name: web1.example.org, target: gnt}
 * spec:
 *   nics:
 *     - name: uplink                  # the NIC's Ganeti name
 *       network: {bridge: br-prod}    # bridged mode, link br-prod; or {network: prod} for a gnt-network
 *       model: virtio                 # Ganeti KVM's nic_type paravirtual
 * }</pre>
 *
 * <p>Rules decided here once:
 * <ul>
 *   <li>Ganeti's configuration of an instance is its persistent definition, and the running VM is that
 *       configuration: Ganeti changes both at once when it hotplugs, and RAPI shows no other view of the VM. What
 *       nicsync knowingly leaves different (a configuration change without hotplug on a running instance, a
 *       hotplug that failed) is recorded in the instance's tags ({@link io.nicsync.plugin.ganeti.Ledger}) until a
 *       restart builds the VM from its configuration again. Changes made by hand without {@code --hotplug} are
 *       invisible to RAPI, so to nicsync.</li>
 *   <li>Every change is one NIC in one OpInstanceSetParams job with an explicit {@code hotplug}, followed on
 *       {@code /2/jobs/ID}; a live step is done only when the job's result says {@code hotplug:done}
 *       ({@link io.nicsync.plugin.ganeti.JobResult}).</li>
 *   <li>A NIC's identity is its Ganeti name, which is its nicsync name; NICs without a name are found by MAC.
 *       Requests name existing NICs by UUID.</li>
 *   <li>The RAPI certificate is always checked: against a CA file, a pinned fingerprint, or the JDK's
 *       authorities, and against the name it must carry ({@link io.nicsync.plugin.ganeti.ServerTrust}).</li>
 * </ul>
 */
package io.nicsync.plugin.ganeti;
