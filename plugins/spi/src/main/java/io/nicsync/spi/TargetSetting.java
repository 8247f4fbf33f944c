package io.nicsync.spi;

import java.util.List;
import java.util.Objects;

/**
 * A key a target of a plugin's kind takes in {@code nicsync.yaml}, besides {@code name} and {@code kind}, as the
 * plugin declares it. The configuration schema is composed from these, and command-line overrides
 * ({@code --target-setting lab.uri=...}) are checked against them.
 *
 * <p><b>Who may choose the value.</b> A repository is written by whoever may push to it; the machine nicsync runs on
 * and its credentials are the operator's. A setting that says how nicsync connects, or which local file it reads
 * credentials or trust from, must therefore not be the repository's to choose freely: a libvirt URI can name a
 * transport that runs a command ({@code qemu+ext}, an ssh option), a kubeconfig can carry an {@code exec} entry, a
 * password file can be any file. A plugin marks such a setting with its {@link Guard}; nicsync then refuses a
 * repository's value the operator has not allowed ({@code --allow-endpoint}, {@code --allow-file}), while a value
 * given on the command line ({@code --target-setting}, {@code --target-uri}) is always the operator's. The plugin
 * itself does nothing more: it receives only values that passed.
 *
 * <pre>{@code
 * TargetSetting.text("uri", "libvirt connection URI").asEndpoint()
 *         .guarded(TargetSetting.Guard.ENDPOINT, "qemu:///system", "qemu:///session")
 * TargetSetting.text("kubeconfig", "kubeconfig file").guarded(TargetSetting.Guard.LOCAL_FILE)
 * }</pre>
 *
 * @param schema the JSON Schema (draft 2020-12, as JSON text) of the value, for example
 *     {@code {"type": "string", "minLength": 1}}
 * @param endpoint whether this is where the target is reached (libvirt's {@code uri}, a cluster's API URL): the
 *     setting {@code --target-uri NAME=VALUE} replaces. At most one setting of a plugin is its endpoint.
 * @param guard who may choose the value ({@link Guard#NONE}: the repository, freely)
 * @param safeValues values the repository may give without the operator's say, because the plugin knows they reach
 *     nothing the operator did not set up (libvirt's {@code qemu:///system}: the local daemon's own socket)
 */
public record TargetSetting(String name, String description, String schema, boolean endpoint, Guard guard,
        List<String> safeValues) {

    /** How far a repository may choose a setting's value; the command line always may. */
    public enum Guard {
        /** Any value the schema accepts: it says what to do, not how nicsync connects or what it reads. */
        NONE,
        /**
         * A URI nicsync connects to: a repository's value must match an endpoint the operator allows
         * ({@code --allow-endpoint SCHEME://HOST[:PORT]}, the host may be {@code *.domain}), and one with
         * parameters ({@code ?...}) must be allowed exactly as written.
         */
        ENDPOINT,
        /**
         * A file on the machine nicsync runs on, read for credentials or trust (a kubeconfig, a CA bundle, a
         * password file): a repository's value must be a file the operator allows ({@code --allow-file}).
         */
        LOCAL_FILE,
        /**
         * What no repository may choose, command line only: a credential reference (an environment variable's name),
         * or what decides whom nicsync trusts with its credentials (a certificate's pinned fingerprint or expected
         * name).
         */
        OPERATOR_ONLY
    }

    public TargetSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(guard, "guard");
        safeValues = List.copyOf(safeValues);
        if (name.equals("name") || name.equals("kind")) {
            throw new IllegalArgumentException("name and kind are every target's own keys, not settings");
        }
        if (!safeValues.isEmpty() && guard != Guard.ENDPOINT) {
            throw new IllegalArgumentException("only an endpoint has safe values: " + name);
        }
    }

    /** A setting the repository chooses freely. */
    public TargetSetting(String name, String description, String schema, boolean endpoint) {
        this(name, description, schema, endpoint, Guard.NONE, List.of());
    }

    public static TargetSetting of(String name, String description, String schema) {
        return new TargetSetting(name, description, schema, false);
    }

    /** A non-empty string: the schema of most settings. */
    public static TargetSetting text(String name, String description) {
        return of(name, description, "{\"type\": \"string\", \"minLength\": 1}");
    }

    /** This setting, as the one {@code --target-uri} replaces. */
    public TargetSetting asEndpoint() {
        return new TargetSetting(name, description, schema, true, guard, safeValues);
    }

    /**
     * This setting, its value chosen by the operator as {@code guard} says; {@code safeValues} (for an
     * {@link Guard#ENDPOINT}) are those a repository may give all the same.
     */
    public TargetSetting guarded(Guard newGuard, String... values) {
        return new TargetSetting(name, description, schema, endpoint, newGuard, List.of(values));
    }
}
