package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.MacAddress;
import java.util.regex.Pattern;
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
}
