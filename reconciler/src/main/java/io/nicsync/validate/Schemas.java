package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the desired state (draft 2020-12), read from the class path where the build copies
 * the repository's {@code schemas/} directory. The raw schema is kept beside the compiled one: messages
 * read it for the allowed keys and the {@code x-expected} hints.
 */
final class Schemas {
    private static final String LOCATION = "io/nicsync/schemas/";

    record Loaded(JsonNode raw, Schema schema) {
    }

    private final Map<Kind, Loaded> byKind;

    private Schemas(Map<Kind, Loaded> byKind) {
        this.byKind = byKind;
    }

    static Schemas load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        ObjectMapper mapper = new ObjectMapper();
        Map<Kind, Loaded> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            JsonNode raw = read(mapper, LOCATION + kind.schemaFile);
            byKind.put(kind, new Loaded(raw, registry.getSchema(raw)));
        }
        return new Schemas(byKind);
    }

    Loaded of(Kind kind) {
        return byKind.get(kind);
    }

    List<Error> validate(Kind kind, JsonNode document) {
        return byKind.get(kind).schema().validate(document);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the class path: " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
