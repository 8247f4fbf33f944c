package io.nicsync.importer;

import io.nicsync.spi.VmRef;
import java.nio.file.Path;
import java.util.List;

/**
 * What an import wrote.
 *
 * @param files in the order written, {@code nicsync.yaml} first when the import wrote it
 * @param warnings NICs and VMs left out, and VMs a plan would still change, one line each
 */
public record ImportResult(String target, Path out, List<WrittenFile> files, List<String> warnings) {
    public ImportResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /**
     * One file written.
     *
     * @param path relative to the output directory, with {@code /} separators
     * @param vm the VM it declares, null for {@code nicsync.yaml}
     * @param nics how many NICs it declares
     */
    public record WrittenFile(String path, VmRef vm, int nics) {
    }
}
