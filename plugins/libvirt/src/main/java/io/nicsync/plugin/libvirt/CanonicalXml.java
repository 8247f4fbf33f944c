package io.nicsync.plugin.libvirt;

import java.util.Arrays;

/**
 * Writes elements in the canonical form the fingerprint hashes: {@code <name a="1" b="2">text</name>},
 * attributes sorted by name, each run of character data stripped and dropped when blank, comments and
 * everything else left out. The same state gives the same text whatever libvirt's formatting.
 *
 * <p>Must stay byte-for-byte stable: saved plans carry fingerprints computed from it.
 */
final class CanonicalXml {
    private final StringBuilder out;
    private final StringBuilder text = new StringBuilder();
    private String[] attrs = new String[16];

    CanonicalXml(StringBuilder out) {
        this.out = out;
    }

    /** The element the parser has just started, with its attributes sorted. */
    void start(PullParser source) {
        flushText();
        int count = source.attributeCount();
        if (attrs.length < 2 * count) {
            attrs = new String[2 * count];
        }
        for (int i = 0; i < count; i++) {
            attrs[2 * i] = source.attributeName(i);
            attrs[2 * i + 1] = source.attributeValue(i);
        }
        sortPairs(count);
        out.append('<').append(source.name());
        for (int i = 0; i < count; i++) {
            out.append(' ').append(attrs[2 * i]).append("=\"").append(attrs[2 * i + 1]).append('"');
        }
        out.append('>');
        Arrays.fill(attrs, 0, 2 * count, null);
    }

    void characters(String chars) {
        text.append(chars);
    }

    /** Ends a run of character data: any event other than more characters does. */
    void flushText() {
        if (!text.isEmpty()) {
            String t = text.toString();
            if (!t.isBlank()) {
                out.append(t.strip());
            }
            text.setLength(0);
        }
    }

    void end(String name) {
        flushText();
        out.append("</").append(name).append('>');
    }

    /** Insertion sort: elements have a handful of attributes, and the names are unique. */
    private void sortPairs(int count) {
        for (int i = 1; i < count; i++) {
            String n = attrs[2 * i];
            String v = attrs[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && attrs[2 * j].compareTo(n) > 0) {
                attrs[2 * j + 2] = attrs[2 * j];
                attrs[2 * j + 3] = attrs[2 * j + 1];
                j--;
            }
            attrs[2 * j + 2] = n;
            attrs[2 * j + 3] = v;
        }
    }
}
