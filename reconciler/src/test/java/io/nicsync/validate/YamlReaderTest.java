package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private final Diagnostics out = new Diagnostics();

    @Test
    void recordsTheLineAndColumnOfKeysAndValues() {
        YamlDocument doc = readOne("""
                metadata:
                  name: web-01
                spec:
                  nics:
                    - name: uplink
                      network: {bridge: br0}
                """);

        assertThat(doc.keyAt("/metadata/name")).isEqualTo(new Location(2, 3));
        assertThat(doc.at("/metadata/name")).isEqualTo(new Location(2, 9));
        assertThat(doc.at("/spec/nics/0")).isEqualTo(new Location(5, 7));
        assertThat(doc.keyAt("/spec/nics/0/network/bridge")).isEqualTo(new Location(6, 17));
        assertThat(doc.at("/spec/nics/0/network/bridge")).isEqualTo(new Location(6, 25));
        assertThat(doc.at("/spec/nics/0/mac")).as("a missing node is placed at its parent").isEqualTo(new Location(5, 7));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsChangeNoPosition() {
        YamlDocument doc = readOne("\uFEFFmetadata:\r\n  name: web-01\r\n");

        assertThat(doc.at("/metadata/name")).isEqualTo(new Location(2, 9));
        assertThat(out.sorted()).isEmpty();
    }

    @Test
    void scalarsFollowTheYaml12CoreSchema() {
        JsonNode root = readOne("""
                mac: 52:54:00:12:34:56
                legacyBooleans: [on, off, yes, no, y, n]
                bootOrder: 2
                hex: 0x10
                octal: 0o17
                quoted: "2"
                persist: true
                nothing: ~
                ratio: 1.5
                """).root();

        assertThat(root.get("mac").isTextual()).isTrue();
        assertThat(root.get("legacyBooleans")).allMatch(JsonNode::isTextual);
        assertThat(root.get("bootOrder").isInt()).isTrue();
        assertThat(root.get("hex").intValue()).isEqualTo(16);
        assertThat(root.get("octal").intValue()).isEqualTo(15);
        assertThat(root.get("quoted").textValue()).isEqualTo("2");
        assertThat(root.get("persist").booleanValue()).isTrue();
        assertThat(root.get("nothing").isNull()).isTrue();
        assertThat(root.get("ratio").doubleValue()).isEqualTo(1.5);
        assertThat(out.sorted()).isEmpty();
    }

    @Test
    void aFileOverTheDefaultLimitIsRefusedUnread() {
        byte[] content = ("# " + "x".repeat(Limits.DEFAULT.maxFileBytes()) + "\n").getBytes(StandardCharsets.UTF_8);

        List<YamlDocument> docs = new YamlReader(Limits.DEFAULT).read(new SourceFile("big.yaml", content), out);

        assertThat(docs).isEmpty();
        assertThat(out.sorted()).extracting(Diagnostic::format)
                .containsExactly("big.yaml:1:1: error: file is 3145731 bytes; the limit is 3145728 bytes");
    }

    @Test
    void aFileOfMoreDocumentsThanTheLimitIsReadUpToItAndTheRestIsOneError() {
        String many = "---\na: 1\n".repeat(Limits.DEFAULT.maxDocumentsPerFile() + 500);

        List<YamlDocument> docs = new YamlReader(Limits.DEFAULT).read(new SourceFile("many.yaml",
                many.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(docs).hasSize(Limits.DEFAULT.maxDocumentsPerFile());
        assertThat(out.sorted()).extracting(Diagnostic::format).containsExactly("many.yaml:2002:1: error: more than "
                + Limits.DEFAULT.maxDocumentsPerFile() + " documents in one file; the rest of the file is not read");
    }

    @Test
    void aFileTheSourceDidNotLoadIsReportedWithItsSize() {
        List<YamlDocument> docs = new YamlReader(Limits.DEFAULT).read(new SourceFile("huge.yaml", new byte[0],
                "0123456789012345678901234567890123456789", 15L << 20), out);

        assertThat(docs).isEmpty();
        assertThat(out.sorted()).extracting(Diagnostic::format).containsExactly("huge.yaml:1:1: error: file is "
                + (15L << 20) + " bytes, more than one desired-state file may have; it was not read");
    }

    @Test
    void anAliasBombUnderTheAliasLimitIsStoppedByTheNodeLimit() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 7; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*a" + (i - 1)))).append("]\n");
        }

        List<YamlDocument> docs = read(bomb.toString());

        assertThat(docs).isEmpty();
        assertThat(out.sorted()).extracting(Diagnostic::message)
                .singleElement().asString().contains("more than 10000 nodes");
    }

    @Test
    void recursiveAliasesAreBounded() {
        List<YamlDocument> docs = read("loop: &a [*a]\n");

        assertThat(docs).isEmpty();
        assertThat(out.sorted()).isNotEmpty();
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        List<YamlDocument> docs = read("a: " + "[".repeat(200_000) + "\n");

        assertThat(docs).isEmpty();
        assertThat(out.sorted()).extracting(Diagnostic::format)
                .containsExactly("t.yaml:1:1: error: refusing to read this file: it is nested too deeply");
    }

    @Test
    void bytesThatAreNotUtf8AreAnError() {
        new YamlReader(Limits.DEFAULT).read(new SourceFile("bin.yaml", new byte[] {'a', ':', ' ', (byte) 0xff}), out);

        assertThat(out.sorted()).extracting(Diagnostic::format).containsExactly("bin.yaml:1:1: error: file is not UTF-8 text");
    }

    private YamlDocument readOne(String yaml) {
        List<YamlDocument> docs = read(yaml);
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    private List<YamlDocument> read(String yaml) {
        return new YamlReader(Limits.DEFAULT).read(new SourceFile("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)), out);
    }
}
