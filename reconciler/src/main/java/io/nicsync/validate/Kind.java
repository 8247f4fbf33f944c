package io.nicsync.validate;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of document the desired state is made of, and the JSON Schema of each. */
enum Kind {
    CONFIG("Config", "config.schema.json"),
    VM_NICS("VmNics", "vmnics.schema.json");

    static final String API_VERSION = "nicsync.io/v1alpha1";

    final String yaml;
    final String schemaFile;

    Kind(String yaml, String schemaFile) {
        this.yaml = yaml;
        this.schemaFile = schemaFile;
    }

    static Optional<Kind> of(String yaml) {
        return Arrays.stream(values()).filter(k -> k.yaml.equals(yaml)).findFirst();
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.yaml).sorted().toList());
    }
}
