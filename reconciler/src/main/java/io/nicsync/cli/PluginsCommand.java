package io.nicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ExitCode;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.Vocabulary;
import java.io.PrintWriter;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nicsync plugins}: the platforms this nicsync runs with and what each declares, the reference of the
 * desired-state keys that depend on the platform. Composed from the plugins themselves, those of {@code plugins.d/}
 * included, so it is always the truth of this installation.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        header = "List the installed platform plugins and what they declare.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync plugins",
                "  nicsync plugins -o json"},
        description = "Lists the installed platform plugins and what each declares: the target settings of "
                + "nicsync.yaml (--target-uri replaces the one marked endpoint), the network kinds a NIC can be "
                + "declared on (and those only ever observed), and the NIC models and bindings. Exit 0.")
final class PluginsCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Plugins.installed();
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(plugins.all().stream().map(PluginsCommand::document).toList()));
        } else {
            plugins.all().forEach(p -> text(p, out));
        }
        return ExitCode.OK.code();
    }

    private static void text(TargetPlugin plugin, PrintWriter out) {
        out.println(plugin.kind() + " (" + plugin.platform() + "): " + plugin.description());
        out.println("  from: " + source(plugin));
        out.println("  settings:");
        if (plugin.settings().isEmpty()) {
            out.println("    (none)");
        }
        for (TargetSetting s : plugin.settings()) {
            out.println("    " + s.name() + marks(s) + ": " + s.description());
        }
        out.println("  network kinds:");
        for (NetworkKind k : plugin.networkKinds()) {
            out.println("    " + k.key() + (k.declarable() ? "" : " (observed only)") + ": " + k.description()
                    + attributes(k));
        }
        out.println("  models: " + words(plugin.models()));
        out.println("  bindings: " + words(plugin.bindings()));
        out.println();
    }

    private static String attributes(NetworkKind kind) {
        if (kind.attributes().isEmpty()) {
            return "";
        }
        return " [" + String.join(", ", kind.attributes().stream()
                .map(a -> a.name() + (a.required() ? "" : "?")).toList()) + "]";
    }

    private static String words(Vocabulary vocabulary) {
        if (!vocabulary.exists()) {
            return "(none: a NIC of this platform has no such key)";
        }
        return String.join(", ", vocabulary.known()) + (vocabulary.open() ? ", or any other name" : "");
    }

    private static Map<String, Object> document(TargetPlugin plugin) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", plugin.kind());
        doc.put("platform", plugin.platform());
        doc.put("description", plugin.description());
        doc.put("from", source(plugin));
        doc.put("settings", plugin.settings().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("endpoint", s.endpoint());
            m.put("guard", s.guard().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("schema", json(s.schema()));
            return m;
        }).toList());
        doc.put("networkKinds", plugin.networkKinds().stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", k.key());
            m.put("description", k.description());
            m.put("declarable", k.declarable());
            m.put("attributes", k.attributes().stream().map(a -> Map.of("name", a.name(), "required", a.required(),
                    "description", a.description())).toList());
            if (k.declarable()) {
                m.put("schema", json(k.schema()));
            }
            return m;
        }).toList());
        doc.put("models", vocabulary(plugin.models()));
        doc.put("bindings", vocabulary(plugin.bindings()));
        return doc;
    }

    private static Map<String, Object> vocabulary(Vocabulary vocabulary) {
        return Map.of("known", List.copyOf(vocabulary.known()), "open", vocabulary.open());
    }

    private static Object json(String schema) {
        try {
            return new ObjectMapper().readTree(schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // Plugins checked every schema when it loaded them
        }
    }

    /** The jar (or directory) the plugin was loaded from: the distribution's, or one of plugins.d. */
    private static String source(TargetPlugin plugin) {
        CodeSource code = plugin.getClass().getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return location == null ? "(unknown)" : location.getPath();
    }

    /** {@code (endpoint; --allow-endpoint)}: what the setting is, and how the operator lets the repository set it. */
    private static String marks(TargetSetting s) {
        List<String> marks = new ArrayList<>();
        if (s.endpoint()) {
            marks.add("endpoint");
        }
        switch (s.guard()) {
            case ENDPOINT -> marks.add("from nicsync.yaml only as --allow-endpoint allows"
                    + (s.safeValues().isEmpty() ? "" : ", or " + String.join(", ", s.safeValues())));
            case LOCAL_FILE -> marks.add("from nicsync.yaml only as --allow-file allows");
            case OPERATOR_ONLY -> marks.add("command line only");
            case NONE -> { }
        }
        return marks.isEmpty() ? "" : " (" + String.join("; ", marks) + ")";
    }
}
