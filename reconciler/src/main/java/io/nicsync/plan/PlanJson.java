package io.nicsync.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.nicsync.spi.Action;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Step;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of plans and of the SPI values in them. The SPI carries no annotations, so mix-ins give the
 * sealed {@link Step} its discriminator ({@code action}, the {@link Action#word()} of each step type) and make MAC
 * addresses and fingerprints plain strings; a {@link NetworkRef} is written as its kind beside its attributes,
 * {@code {"kind": "multus", "namespace": "prod", "name": "br-prod"}}, whatever plugin declared it. A step's inverse is written for people and tools reading the
 * file and ignored when reading: the step computes it again, so a read plan equals the written one.
 */
final class PlanJson {
    private PlanJson() {
    }

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(module())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // "up", "running": the spelling of the desired-state files people also read
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** For readers of other documents holding SPI values (test fixtures of observed VMs). */
    static SimpleModule module() {
        var module = new SimpleModule("nicsync-plan");
        module.addSerializer(NetworkRef.class, new NetworkRefSerializer());
        module.addDeserializer(NetworkRef.class, new NetworkRefDeserializer());
        module.setMixInAnnotation(Step.class, StepMixin.class);
        for (Action action : Action.values()) {
            module.registerSubtypes(new NamedType(action.type(), action.word()));
        }
        module.setMixInAnnotation(MacAddress.class, MacAddressMixin.class);
        module.setMixInAnnotation(Fingerprint.class, FingerprintMixin.class);
        module.addSerializer(Instant.class, new InstantSerializer());
        module.addDeserializer(Instant.class, new InstantDeserializer());
        return module;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
    @JsonIgnoreProperties(value = "inverse", allowGetters = true)
    interface StepMixin {
        @JsonProperty("inverse")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonSerialize(using = InverseSerializer.class)
        Optional<Step> inverse();
    }

    abstract static class MacAddressMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        MacAddressMixin(String value) {
        }

        @JsonValue
        abstract String value();
    }

    abstract static class FingerprintMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        FingerprintMixin(String value) {
        }

        @JsonValue
        abstract String value();
    }

    /**
     * Writes the inverse as a step of its own (with its action), or nothing for a step without one. The
     * inverse's own inverse is left out: it is the step itself, and writing it would never end.
     */
    static final class InverseSerializer extends JsonSerializer<Optional<Step>> {
        private static final Object WRITING_INVERSE = InverseSerializer.class;

        @Override
        public void serialize(Optional<Step> value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            provider.setAttribute(WRITING_INVERSE, Boolean.TRUE);
            try {
                Step inverse = value.orElseThrow();
                provider.findTypedValueSerializer(inverse.getClass(), true, null).serialize(inverse, gen, provider);
            } finally {
                provider.setAttribute(WRITING_INVERSE, null);
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Optional<Step> value) {
            return value == null || value.isEmpty() || provider.getAttribute(WRITING_INVERSE) != null;
        }
    }

    /** {@code {"kind": KIND, ATTRIBUTE: VALUE, ...}}, attributes in their order. */
    static final class NetworkRefSerializer extends JsonSerializer<NetworkRef> {
        @Override
        public void serialize(NetworkRef value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("kind", value.kind());
            for (Map.Entry<String, String> attribute : value.attributes().entrySet()) {
                gen.writeStringField(attribute.getKey(), attribute.getValue());
            }
            gen.writeEndObject();
        }
    }

    static final class NetworkRefDeserializer extends JsonDeserializer<NetworkRef> {
        @Override
        public NetworkRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (!node.isObject() || !node.path("kind").isTextual()) {
                return ctxt.reportInputMismatch(NetworkRef.class, "a network is an object with a kind, not %s", node);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("kind")) {
                    continue;
                }
                if (!field.getValue().isTextual()) {
                    return ctxt.reportInputMismatch(NetworkRef.class, "network attribute %s is not a string",
                            field.getKey());
                }
                attributes.put(field.getKey(), field.getValue().textValue());
            }
            return new NetworkRef(node.get("kind").textValue(), attributes);
        }
    }

    static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Instant.parse(p.getValueAsString());
        }
    }
}
