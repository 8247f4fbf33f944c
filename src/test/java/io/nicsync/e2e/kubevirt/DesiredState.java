package io.nicsync.e2e.kubevirt;

/** The files of a desired-state repository for web-01 on the simulated cluster, as a user writes them. */
public final class DesiredState {
    private DesiredState() {
    }

    /** {@code nicsync.yaml}: one KubeVirt target reached through the kubeconfig context of the cluster. */
    public static String config(boolean allowRestart) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: sim
                    kind: kubevirt
                    context: %s
                policy:
                  stepTimeout: 30s
                  allowRestart: %s
                """.formatted(SimulatedKubevirt.CONTEXT, allowRestart);
    }

    /** The VmNics document of web-01 with the given {@code nics} entries (YAML list items, unindented). */
    public static String web01(String nics) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: %s, namespace: %s, target: sim}
                spec:
                  nics:
                """.formatted(SimulatedKubevirt.VM, SimulatedKubevirt.NAMESPACE)
                + nics.stripIndent().lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    /** A NIC entry on NAD {@code nad} with bridge binding, the binding KubeVirt hotplugs. */
    public static String bridgeNic(String name, String nad) {
        return """
                - name: %s
                  network: {multus: %s}
                  binding: bridge
                """.formatted(name, nad);
    }
}
