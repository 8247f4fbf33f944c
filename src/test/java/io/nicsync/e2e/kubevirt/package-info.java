/**
 * The simulated KubeVirt cluster as the end-to-end suite uses it: the plugin's simulator (fabric8's mock API
 * server in CRUD mode, KubeVirt's controllers played on a real-clock ticker, every write checked against
 * KubeVirt's OpenAPI) reached by the nicsync command line through a kubeconfig file, and the desired-state
 * files a user would push for it:
 *
 * <pre>{@code
 * targets:
 *   - {name: sim, kind: kubevirt, kubeconfig: "<the file SimulatedKubevirt wrote>", context: sim-admin}
 * ---
 * kind: VmNics
 * metadata: {name: web-01, namespace: prod, target: sim}
 * spec:
 *   nics:
 *     - {name: red, network: {multus: red}, binding: bridge}
 * }</pre>
 */
package io.nicsync.e2e.kubevirt;
