package io.nicsync.cli;

import io.nicsync.loop.Selection;
import io.nicsync.platforms.TargetOverrides;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which VMs a command touches, and per-run target overrides. */
final class TargetOptions {

    @Option(names = "--target", paramLabel = "T", description = "Only VMs on this target (repeatable).")
    List<String> targets = List.of();

    @Option(names = "--vm", paramLabel = "NAME",
            description = "Only this VM: name, namespace/name or target/[namespace/]name (repeatable).")
    List<String> vms = List.of();

    @Option(names = "--target-uri", paramLabel = "NAME=URI",
            description = "Reach target NAME at URI instead of the repository's: the setting its plugin names as"
                    + " its endpoint (libvirt uri, KubeVirt context), e.g. lab=qemu+ssh://hv1/system.")
    Map<String, String> targetUris = new LinkedHashMap<>();

    @Option(names = "--target-setting", paramLabel = "NAME.KEY=VALUE",
            description = "Replace one setting of target NAME for this run (repeatable), e.g. prod.hotplug=migration;"
                    + " `nicsync plugins` lists each kind's settings.")
    List<String> targetSettings = List.of();

    @Mixin
    AllowOptions allow = new AllowOptions();

    Selection selection() {
        return new Selection(new LinkedHashSet<>(targets), new LinkedHashSet<>(vms));
    }

    TargetOverrides overrides() throws UserError {
        try {
            return TargetOverrides.of(targetUris, targetSettings).allowing(allow.allowed());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
