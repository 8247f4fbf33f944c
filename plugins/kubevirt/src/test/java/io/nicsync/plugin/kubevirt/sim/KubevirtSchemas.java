package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KubeVirt's published OpenAPI 2.0 definitions as JSON Schemas. OpenAPI 2.0 schema objects are a subset of
 * JSON Schema draft 4, so a definition becomes a draft-07 document that keeps all definitions and refers to
 * one of them; {@code #/definitions/...} references then resolve as they are.
 *
 * <p>Objects are closed ({@code additionalProperties: false} wherever a definition lists its properties and
 * says nothing of others): the API server drops or, with strict field validation, rejects unknown fields, so
 * a misspelt field is a bug the check must catch.
 */
public final class KubevirtSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, KubevirtSchemas> LOADED = new ConcurrentHashMap<>();

    private final ObjectNode definitions;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private KubevirtSchemas(ObjectNode definitions) {
        this.definitions = definitions;
    }

    /** The definitions of KubeVirt's main branch. */
    public static KubevirtSchemas main() {
        return LOADED.computeIfAbsent("swagger-main.json", KubevirtSchemas::load);
    }

    /** The definitions of KubeVirt v1.0.0, the release with the addinterface/removeinterface subresources. */
    public static KubevirtSchemas v1_0() {
        return LOADED.computeIfAbsent("swagger-v1.0.0.json", KubevirtSchemas::load);
    }

    private static KubevirtSchemas load(String file) {
        try (InputStream in = KubevirtSchemas.class.getResourceAsStream("/kubevirt-openapi/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource kubevirt-openapi/" + file);
            }
            ObjectNode definitions = (ObjectNode) JSON.readTree(in).get("definitions");
            definitions.forEach(KubevirtSchemas::close);
            return new KubevirtSchemas(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> close(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(KubevirtSchemas::close);
        }
    }

    public boolean defines(String definition) {
        return definitions.has(definition);
    }

    /** Every way {@code object} breaks the named definition (such as {@code v1.VirtualMachine}); empty when valid. */
    public List<String> problems(String definition, JsonNode object) {
        return schemas.computeIfAbsent(definition, this::compile).validate(object).stream()
                .map(Error::toString)
                .toList();
    }

    private Schema compile(String definition) {
        if (!definitions.has(definition)) {
            throw new IllegalArgumentException("no definition " + definition);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("definitions", definitions);
        root.put("$ref", "#/definitions/" + definition);
        return registry.getSchema(root);
    }
}
