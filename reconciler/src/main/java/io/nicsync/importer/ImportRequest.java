package io.nicsync.importer;

import io.nicsync.spi.TargetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to import and where.
 *
 * @param vms the VMs to import, each a name or {@code namespace/name}; empty for every VM of the target
 * @param force overwrite files that exist already
 */
public record ImportRequest(TargetConfig target, List<String> vms, Path out, boolean force) {
    public ImportRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(out, "out");
        vms = List.copyOf(vms);
    }
}
