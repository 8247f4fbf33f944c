package io.nicsync.validate;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of document the desired state is made of. */
enum Kind {
    CONFIG("Config"),
    VM_NICS("VmNics");

    static final String API_VERSION = "nicsync.io/v1alpha1";

    final String yaml;

    Kind(String yaml) {
        this.yaml = yaml;
    }

    static Optional<Kind> of(String yaml) {
        return Arrays.stream(values()).filter(k -> k.yaml.equals(yaml)).findFirst();
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.yaml).sorted().toList());
    }
}
