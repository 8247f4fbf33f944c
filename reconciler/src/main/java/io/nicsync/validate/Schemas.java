package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.schemas.SchemaDialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the desired state (draft 2020-12), composed from what the plugins declare
 * ({@link PublishedSchemas}) and compiled once. The raw schema is kept beside the compiled one: messages read it
 * for the allowed keys and the {@code x-expected} hints.
 */
final class Schemas {

    record Loaded(JsonNode raw, Schema schema) {
    }

    private final Map<Kind, Loaded> byKind;

    private Schemas(Map<Kind, Loaded> byKind) {
        this.byKind = byKind;
    }

    static Schemas compose(Plugins plugins) {
        SchemaRegistry registry = SchemaDialect.registry();
        Map<Kind, Loaded> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            JsonNode raw = switch (kind) {
                case CONFIG -> PublishedSchemas.config(plugins);
                case VM_NICS -> PublishedSchemas.vmNics(plugins);
            };
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
}
