package io.nicsync.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.Action;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas (draft 2020-12) of the desired state and of plan files, composed from a base in this module and
 * what the plugins declare: the network kinds under a NIC's {@code network}, the models editors suggest, each target
 * kind's settings (one {@code if kind ... then} per plugin, closed to every other key, so that a misspelt setting
 * or another kind's is reported with the keys this kind has), and in plan files every network kind's attributes and
 * every step's action. The validator checks documents with these, and the repository's
 * {@code schemas/} holds them as composed from the bundled plugins, for editors ({@code nicsync schema}).
 */
public final class PublishedSchemas {
    /** File names, as published in {@code schemas/}. */
    public static final String VM_NICS = "vmnics.schema.json";
    public static final String CONFIG = "config.schema.json";
    public static final String PLAN = "plan.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASES = "io/nicsync/schemas/";

    private PublishedSchemas() {
    }

    /** Every schema by file name. */
    public static Map<String, ObjectNode> all(Plugins plugins) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(VM_NICS, vmNics(plugins));
        out.put(CONFIG, config(plugins));
        out.put(PLAN, plan(plugins));
        return out;
    }

    /** The schema of {@code VmNics} documents. */
    public static ObjectNode vmNics(Plugins plugins) {
        ObjectNode schema = base("vmnics.base.json");
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        ObjectNode network = (ObjectNode) defs.get("network");
        ObjectNode kinds = (ObjectNode) network.get("properties");
        plugins.declarableNetworkKinds().forEach((key, kind) -> {
            ObjectNode value = parse(kind.schema());
            ObjectNode property = JSON.createObjectNode();
            property.put("description", kind.description() + " (" + String.join(", ", owners(plugins, key)) + ")");
            property.setAll(value);
            kinds.set(key, property);
        });
        network.put("description", "exactly one of: " + String.join(", ", plugins.declarableNetworkKinds().keySet()));
        // The models of every plugin are the editors' suggestions; which ones a NIC may have depends on its target's
        // plugin, a rule of the validator's (so that its message lists that plugin's models only).
        ObjectNode model = (ObjectNode) defs.get("nic").get("properties").get("model");
        Set<String> models = new LinkedHashSet<>();
        plugins.all().forEach(p -> models.addAll(p.models().known()));
        model.put("type", "string").put("minLength", 1);
        ArrayNode examples = model.putArray("examples");
        models.forEach(examples::add);
        return schema;
    }

    /** The schema of {@code nicsync.yaml}. */
    public static ObjectNode config(Plugins plugins) {
        ObjectNode schema = base("config.base.json");
        ObjectNode target = (ObjectNode) schema.get("$defs").get("target");
        ((ObjectNode) target.get("properties").get("kind")).put("x-expected", "a plugin kind such as "
                + String.join(" or ", plugins.kinds()));
        ArrayNode byKind = (ArrayNode) target.get("allOf");
        for (TargetPlugin plugin : plugins.all()) {
            ObjectNode when = byKind.addObject();
            ObjectNode condition = when.putObject("if");
            condition.putObject("properties").putObject("kind").put("const", plugin.kind());
            condition.putArray("required").add("kind");
            ObjectNode then = when.putObject("then");
            ObjectNode keys = then.putObject("properties");
            keys.put("name", true);
            keys.put("kind", true);
            for (TargetSetting setting : plugin.settings()) {
                ObjectNode key = keys.putObject(setting.name());
                key.put("description", plugin.kind() + ": " + setting.description());
                key.setAll(parse(setting.schema()));
            }
            then.put("additionalProperties", false);
        }
        return schema;
    }

    /** The schema of plan files. */
    public static ObjectNode plan(Plugins plugins) {
        ObjectNode schema = base("plan.base.json");
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        ArrayNode kinds = (ArrayNode) defs.get("network").get("oneOf");
        for (NetworkKind kind : plugins.networkKinds().values()) {
            ObjectNode variant = kinds.addObject();
            ObjectNode properties = variant.putObject("properties");
            properties.putObject("kind").put("const", kind.key());
            ArrayNode required = variant.putArray("required").add("kind");
            for (NetworkKind.Attribute attribute : kind.attributes()) {
                properties.putObject(attribute.name()).put("type", "string").put("description", attribute.description());
                if (attribute.required()) {
                    required.add(attribute.name());
                }
            }
            variant.put("additionalProperties", false);
        }
        ArrayNode actions = (ArrayNode) defs.get("step").get("properties").get("action").get("enum");
        for (Action action : Action.values()) {
            actions.add(action.word());
        }
        return schema;
    }

    /** A schema as the files in {@code schemas/} are written: two-space indents, one key a line, a final newline. */
    public static String text(JsonNode schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return JSON.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plugins that declare the network kind {@code key}. */
    private static Set<String> owners(Plugins plugins, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (TargetPlugin plugin : plugins.all()) {
            if (plugin.networkKinds().stream().anyMatch(k -> k.key().equals(key))) {
                out.add(plugin.kind());
            }
        }
        return out;
    }

    private static ObjectNode parse(String fragment) {
        try {
            return (ObjectNode) JSON.readTree(fragment);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Plugins checked every fragment already
        }
    }

    private static ObjectNode base(String name) {
        try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(BASES + name)) {
            if (in == null) {
                throw new IllegalStateException("schema base missing from the class path: " + BASES + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema base " + name, e);
        }
    }
}
