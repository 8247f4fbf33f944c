package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullParserTest {

    @Test
    void reportsElementsAttributesAndTextRunsSplitByMarkup() {
        assertThat(events("<?xml version='1.0'?><!-- hi --><a x='1' y=\"2\"><b/>t<!--c-->u<![CDATA[v]]></a>"))
                .containsExactly("other", "other", "<a x=1 y=2>", "<b>", "</b>", "text t", "other", "text u", "other",
                        "</a>");
    }

    @Test
    void resolvesReferencesAndNormalizesWhitespaceAsTheDomParserDoes() {
        assertThat(events("<a v='&lt;&amp;&#65;&#x42;\tc\r\nd&#10;'>x&gt;&quot;&apos;\r\ny\rz</a>"))
                .containsExactly("<a v=<&AB c d\n>", "text x>\"'\ny\nz", "</a>");
    }

    @Test
    void aQuotedGreaterThanOrSlashDoesNotEndTheTag() {
        assertThat(events("<a v='x>/y' w=\"/>\"/>")).containsExactly("<a v=x>/y w=/>>", "</a>");
    }

    @Test
    void refusesWhatIsNotWellFormed() {
        for (String bad : List.of("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", "<a><b></a>", "<a></a><b/>",
                "text<a/>", "<a>", "<a v='1></a>", "<a>&nope;</a>", "<a v='1'w='2'/>", "", "<a><!-- </a>")) {
            assertThatThrownBy(() -> events(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("libvirt returned XML that does not parse");
        }
    }

    private static List<String> events(String xml) {
        PullParser p = new PullParser(xml);
        List<String> out = new ArrayList<>();
        for (int e = p.next(); e != PullParser.EOF; e = p.next()) {
            switch (e) {
                case PullParser.START -> {
                    StringBuilder s = new StringBuilder("<").append(p.name());
                    for (int i = 0; i < p.attributeCount(); i++) {
                        s.append(' ').append(p.attributeName(i)).append('=').append(p.attributeValue(i));
                    }
                    out.add(s.append('>').toString());
                }
                case PullParser.END -> out.add("</" + p.name() + ">");
                case PullParser.TEXT -> out.add("text " + p.text());
                default -> out.add("other");
            }
        }
        return out;
    }
}
