package io.nicsync.importer;

import io.nicsync.spi.DesiredNic;
import java.util.List;
import java.util.Objects;

/**
 * One live NIC as it will be declared.
 *
 * @param generatedName true when the VM had no name for the NIC and the import made one up
 * @param remarks what the file says about the NIC beside its keys: fields left out and why
 */
record ImportedNic(DesiredNic nic, boolean generatedName, List<String> remarks) {
    ImportedNic {
        Objects.requireNonNull(nic, "nic");
        remarks = List.copyOf(remarks);
    }
}
