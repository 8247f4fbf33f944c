/**
 * A KubeVirt cluster for tests, faithful for NICs: fabric8's mock API server in CRUD mode holds the
 * objects, {@link io.nicsync.plugin.kubevirt.sim.SimDispatcher} adds what KubeVirt's API server and webhooks
 * add, and {@link io.nicsync.plugin.kubevirt.sim.Simulator} plays virt-controller and virt-handler one
 * reconcile pass per {@code tick()}, as a chosen release ({@link io.nicsync.plugin.kubevirt.sim.SimConfig})
 * behaves. Every write of the client under test is checked against KubeVirt's OpenAPI definitions. What each
 * behaviour follows in KubeVirt's code or documentation is written down in {@code FACTS.md} next to this file.
 *
 * <pre>{@code
 * try (SimCluster cluster = SimCluster.start(SimConfig.v1(6).withDynamicNetworks(false))) {
 *     cluster.sim().createVm(Fixtures.web01());
 *     cluster.sim().start("prod", "web-01");
 *     // ... the client under test patches the VM template ...
 *     cluster.sim().settle();             // KubeVirt migrates the VM to plug the new NIC
 *     cluster.writes().assertAllValid();
 * }
 * }</pre>
 */
package io.nicsync.plugin.kubevirt.sim;
