package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.MacAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemasTest {
    private static final Schemas SCHEMAS = Schemas.compose(Plugins.installed());

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everySchemaIsAValidDraft202012Schema(Kind kind) {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(meta.validate(SCHEMAS.of(kind).raw())).isEmpty();
        assertThat(meta.validate(JsonNodeFactory.instance.objectNode().put("type", 5)))
                .as("the meta-schema rejects a broken schema").isNotEmpty();
    }

    @Test
    void everyPatternHasAHintForItsMessage() {
        for (Kind kind : Kind.values()) {
            SCHEMAS.of(kind).raw().findParents("pattern").forEach(rule -> assertThat(
                    rule.has("x-expected") || rule.equals(SCHEMAS.of(kind).raw().at("/$defs/label")))
                    .as("pattern without x-expected in %s: %s", kind, rule).isTrue());
        }
    }

    /** The schema and the SPI agree on what a MAC address is (the schema takes the colon form only). */
    @Property
    void theMacPatternAcceptsWhatMacAddressAccepts(@ForAll("macLike") String text) {
        JsonNode mac = SCHEMAS.of(Kind.VM_NICS).raw().at("/$defs/nic/properties/mac/pattern");

        assertThat(Pattern.compile(mac.textValue()).matcher(text).find()).isEqualTo(MacAddress.isWellFormed(text));
    }

    @Provide
    Arbitrary<String> macLike() {
        Arbitrary<String> octet = Arbitraries.strings().withChars("0123456789abcdefABCDEFgG").ofMinLength(1).ofMaxLength(3);
        return octet.list().ofMinSize(4).ofMaxSize(7).map(parts -> String.join(":", parts));
    }

    /**
     * Editors that know draft-07 only (older yaml-language-server releases) read the schemas the same way: every
     * document of the corpora and the examples gets the same verdict from the schema read as draft 2020-12 and as
     * draft-07, and the draft-07 meta-schema accepts the schema.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSchemasReadTheSameAsDraft07(Kind kind) throws Exception {
        ObjectNode raw = SCHEMAS.of(kind).raw().deepCopy();
        raw.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
        SchemaRegistry draft7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        assertThat(draft7.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_7.getDialectId())).validate(raw))
                .isEmpty();
        Schema asDraft7 = draft7.getSchema(raw);
        int valid = 0;
        int invalid = 0;
        for (JsonNode document : documents(kind)) {
            boolean now = SCHEMAS.validate(kind, document).isEmpty();
            assertThat(asDraft7.validate(document).isEmpty()).as("%s", document).isEqualTo(now);
            valid += now ? 1 : 0;
            invalid += now ? 0 : 1;
        }
        assertThat(valid).as("valid documents compared").isGreaterThan(3);
        assertThat(invalid).as("invalid documents compared").isGreaterThan(3);
    }

    /** Every document of {@code kind} in the examples and the validation corpora, as the validator reads it. */
    private static List<JsonNode> documents(Kind kind) throws Exception {
        List<Path> roots = new ArrayList<>(List.of(Path.of("../examples/desired-state")));
        for (String corpus : List.of("good", "bad")) {
            try (Stream<Path> cases = Files.list(Path.of("src/test/resources/validate", corpus))) {
                cases.filter(Files::isDirectory).forEach(roots::add);
            }
        }
        YamlReader reader = new YamlReader(Limits.DEFAULT);
        List<JsonNode> out = new ArrayList<>();
        for (Path root : roots) {
            for (var file : Trees.read(root)) {
                for (YamlDocument doc : reader.read(file, new Diagnostics())) {
                    JsonNode node = doc.root();
                    if (node != null && kind.yaml.equals(node.path("kind").asText())) {
                        out.add(node);
                    }
                }
            }
        }
        return out;
    }

    /** What the schemas say a key defaults to is what nicsync takes when the key is left out. */
    @Test
    void theDefaultsOfTheSchemasAreTheDefaultsNicsyncTakes() {
        JsonNode policy = SCHEMAS.of(Kind.CONFIG).raw().at("/properties/policy/properties");
        StringBuilder explicit = new StringBuilder("policy:\n");
        policy.properties().forEach(p -> {
            assertThat(p.getValue().has("default")).as("policy.%s has a default", p.getKey()).isTrue();
            explicit.append("  ").append(p.getKey()).append(": ").append(p.getValue().get("default").asText())
                    .append("\n");
        });
        assertThat(bound(explicit.toString(), "").state().config().policy()).isEqualTo(Policy.defaults());

        JsonNode nic = SCHEMAS.of(Kind.VM_NICS).raw().at("/$defs/nic/properties");
        StringBuilder nicDefaults = new StringBuilder();
        nic.properties().forEach(p -> {
            if (p.getValue().has("default")) {
                nicDefaults.append("      ").append(p.getKey()).append(": ").append(p.getValue().get("default")
                        .asText()).append("\n");
            }
        });
        assertThat(nicDefaults.toString()).contains("link", "state", "persist");
        JsonNode spec = SCHEMAS.of(Kind.VM_NICS).raw().at("/properties/spec/properties/unmanaged/default");
        DesiredState implicit = bound("", "").state();
        DesiredState given = bound("", nicDefaults.toString(), "  unmanaged: " + spec.asText() + "\n").state();
        assertThat(given.vms()).isEqualTo(implicit.vms());
    }

    private static Validation bound(String policy, String nicKeys) {
        return bound(policy, nicKeys, "");
    }

    private static Validation bound(String policy, String nicKeys, String specKeys) {
        String config = """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: lab
                    kind: libvirt
                """ + policy;
        String vm = """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: web-01, target: lab}
                spec:
                """ + specKeys + """
                  nics:
                    - name: uplink
                      network: {bridge: br0}
                """ + nicKeys;
        Validation validation = new Validator(Plugins.installed()).validate(List.of(
                new SourceFile("nicsync.yaml", config.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("lab/web-01.yaml", vm.getBytes(StandardCharsets.UTF_8))), "");
        assertThat(validation.diagnostics()).as(config + "---\n" + vm).isEmpty();
        return validation;
    }
}
