package io.nicsync.importer;

import io.nicsync.guard.FileNames;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.UnmanagedPolicy;
import java.util.List;
import java.util.Objects;

/**
 * One live VM as it will be declared: its importable NICs, and the NICs left out with the reason.
 *
 * @param skipped one line per live NIC that cannot be declared, such as {@code 52:54:00:...: direct eth0 ...}
 */
record ImportedVm(LiveVm live, List<ImportedNic> nics, List<String> skipped) {
    /** Unlisted NICs are reported by every plan, never changed: an import must not touch what it left out. */
    static final UnmanagedPolicy UNMANAGED = UnmanagedPolicy.WARN;

    ImportedVm {
        Objects.requireNonNull(live, "live");
        nics = List.copyOf(nics);
        skipped = List.copyOf(skipped);
    }

    DesiredVm desired() {
        return new DesiredVm(live.ref(), UNMANAGED, nics.stream().map(ImportedNic::nic).toList());
    }

    /**
     * Where the VM's file goes below the output directory: {@code target/[namespace/]name.yaml}.
     *
     * @throws IllegalArgumentException a name the platform reported cannot name a file ({@link FileNames})
     */
    String file() {
        var ref = live.ref();
        return FileNames.of("target", ref.target()) + "/"
                + (ref.namespace() == null ? "" : FileNames.of("namespace", ref.namespace()) + "/")
                + FileNames.of("VM", ref.name()) + ".yaml";
    }
}
