package io.nicsync.e2e.kubevirt;

import java.nio.file.Path;

/** The files of a desired-state repository for web-01 on the simulated cluster, as a user writes them. */
public final class DesiredState {
    private DesiredState() {
    }

    /**
     * {@code nicsync.yaml}: one KubeVirt target, the cluster behind {@code kubeconfig}'s context; restarts are
     * not allowed.
     */
    public static String config(Path kubeconfig) {
        return config(kubeconfig, false);
    }

    /** As {@link #config(Path)}, restarts allowed or not. */
    public static String config(Path kubeconfig, boolean allowRestart) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: sim
                    kind: kubevirt
                    kubeconfig: "%s"
                    context: %s
                policy:
                  stepTimeout: 30s
                  allowRestart: %s
                """.formatted(kubeconfig, SimulatedKubevirt.CONTEXT, allowRestart);
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

    /** As {@link #bridgeNic(String, String)}, with one more {@code setting} such as {@code link: down}. */
    public static String bridgeNic(String name, String nad, String setting) {
        return bridgeNic(name, nad) + "  " + setting + "\n";
    }
}
