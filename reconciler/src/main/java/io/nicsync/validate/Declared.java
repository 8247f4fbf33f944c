package io.nicsync.validate;

import io.nicsync.spi.DesiredVm;

/** A desired VM with the document that declared it, so rules can point at its nodes. */
record Declared(DesiredVm vm, YamlDocument doc) {

    static String nic(int index) {
        return "/spec/nics/" + index;
    }
}
