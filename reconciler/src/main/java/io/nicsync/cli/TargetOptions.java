package io.nicsync.cli;

import io.nicsync.loop.Selection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which VMs a command touches, and per-run target overrides. */
final class TargetOptions {

    @Option(names = "--target", paramLabel = "T", description = "Only VMs on this target (repeatable).")
    List<String> targets = List.of();

    @Option(names = "--vm", paramLabel = "NAME",
            description = "Only this VM: name, namespace/name or target/[namespace/]name (repeatable).")
    List<String> vms = List.of();

    @Option(names = "--target-uri", paramLabel = "NAME=URI",
            description = "Connect target NAME through URI instead of the repository's (e.g. lab=qemu+ssh://hv1/system).")
    Map<String, String> targetUris = new LinkedHashMap<>();

    Selection selection() {
        return new Selection(new LinkedHashSet<>(targets), new LinkedHashSet<>(vms));
    }

    Map<String, Map<String, String>> overrides() {
        Map<String, Map<String, String>> overrides = new HashMap<>();
        targetUris.forEach((name, uri) -> overrides.put(name, Map.of("uri", uri)));
        return overrides;
    }

    /** The targets a run must open: those of the selected VMs. */
    static Set<String> targetsOf(io.nicsync.loop.Desired desired, Selection selection) {
        return Selection.targetsOf(desired, selection);
    }
}
