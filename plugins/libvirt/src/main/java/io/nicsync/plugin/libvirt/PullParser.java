package io.nicsync.plugin.libvirt;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A pull parser for the XML libvirt writes: elements, attributes, character data, the five predefined
 * entities and character references, comments, CDATA sections and processing instructions (skipped).
 * A DOCTYPE is refused, so no entity can be declared. It checks that tags nest and there is one root; it
 * does not check name characters. Attributes and text are decoded (and their syntax checked) only when
 * asked for: most of a domain's XML is of no interest to observe and is only stepped over.
 *
 * <p>Why not the JDK's: observe reads every domain on the host, and the JDK parsers (StAX as much as DOM)
 * cost more per document, and far more before the JIT has compiled their many methods (a CLI run ends
 * before it has), than libvirtd takes to send it. This one is a single small loop over the string. It
 * reports what the DOM parser reports: text runs split by markup, attribute values with whitespace
 * normalized to spaces, line ends normalized to {@code \n}.
 */
final class PullParser {
    static final int EOF = 0;
    static final int START = 1;
    static final int END = 2;
    static final int TEXT = 3;
    /** A comment, CDATA section or processing instruction: content skipped, but it ends a text run. */
    static final int OTHER = 4;

    private final String s;
    private int pos;
    private final ArrayDeque<String> open = new ArrayDeque<>();
    private boolean rootSeen;
    private boolean selfClosing;
    private String name;
    private int textStart;
    private int textEnd;
    private int attrStart; // the attributes of the element just started: [attrStart, attrEnd) of the tag
    private int attrEnd;
    private boolean attrsRead;
    private String[] attrs = new String[16]; // name, value, name, value, ...
    private int attrCount;

    PullParser(String xml) {
        this.s = xml;
        this.pos = !xml.isEmpty() && xml.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** The next event; throws {@link IllegalArgumentException} for XML that is not well-formed. */
    int next() {
        attrCount = 0;
        attrsRead = true;
        if (selfClosing) {
            selfClosing = false;
            open.pop();
            return END;
        }
        if (pos >= s.length()) {
            if (!open.isEmpty()) {
                throw error("document ends inside <" + open.peek() + ">");
            }
            if (!rootSeen) {
                throw error("no root element");
            }
            return EOF;
        }
        if (s.charAt(pos) != '<') {
            return readText();
        }
        if (s.startsWith("<!--", pos)) {
            return skipPast("-->");
        }
        if (s.startsWith("<![CDATA[", pos)) {
            return skipPast("]]>");
        }
        if (s.startsWith("<?", pos)) {
            return skipPast("?>");
        }
        if (s.startsWith("<!", pos)) {
            throw error("declarations (DOCTYPE) are not accepted");
        }
        return s.startsWith("</", pos) ? endTag() : startTag();
    }

    /** The element's name at {@link #START} and {@link #END}. */
    String name() {
        return name;
    }

    /** The character data at {@link #TEXT}, references resolved. */
    String text() {
        return decode(textStart, textEnd, false);
    }

    /** At {@link #START}, the number of attributes of the element. */
    int attributeCount() {
        readAttributes();
        return attrCount;
    }

    String attributeName(int i) {
        readAttributes();
        return attrs[2 * i];
    }

    String attributeValue(int i) {
        readAttributes();
        return attrs[2 * i + 1];
    }

    /** The value of the named attribute of the element just started, null when absent. */
    String attribute(String attrName) {
        readAttributes();
        for (int i = 0; i < attrCount; i++) {
            if (attrs[2 * i].equals(attrName)) {
                return attrs[2 * i + 1];
            }
        }
        return null;
    }

    private int readText() {
        int end = s.indexOf('<', pos);
        if (end < 0) {
            end = s.length();
        }
        textStart = pos;
        textEnd = end;
        pos = end;
        if (open.isEmpty() && !text().isBlank()) {
            throw error("text outside the root element");
        }
        return TEXT;
    }

    private int skipPast(String terminator) {
        int end = s.indexOf(terminator, pos);
        if (end < 0) {
            throw error("unterminated " + s.substring(pos, Math.min(pos + 9, s.length())));
        }
        pos = end + terminator.length();
        return OTHER;
    }

    private int startTag() {
        pos++;
        name = readName();
        attrStart = pos;
        // Only the end of the tag is looked for here; a quoted value may hold '>' or '/'.
        char c = charAt(pos);
        while (c != '>' && !(c == '/' && charAt(pos + 1) == '>')) {
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, pos + 1);
                if (close < 0) {
                    throw error("unterminated attribute value in <" + name + ">");
                }
                pos = close;
            }
            c = charAt(++pos);
        }
        attrEnd = pos;
        attrsRead = false;
        selfClosing = c == '/';
        pos += selfClosing ? 2 : 1;
        if (open.isEmpty() && rootSeen) {
            throw error("a second root element <" + name + ">");
        }
        rootSeen = true;
        open.push(name);
        return START;
    }

    private void readAttributes() {
        if (attrsRead) {
            return;
        }
        attrsRead = true;
        int resume = pos;
        pos = attrStart;
        while (true) {
            boolean space = skipSpace();
            if (pos >= attrEnd) {
                break;
            }
            if (!space) {
                throw error("expected whitespace before an attribute in <" + name + ">");
            }
            attribute();
        }
        pos = resume;
    }

    private void attribute() {
        String attrName = readName();
        skipSpace();
        expect("=");
        skipSpace();
        char quote = charAt(pos);
        if (quote != '"' && quote != '\'') {
            throw error("attribute " + attrName + " of <" + name + "> has no quoted value");
        }
        int end = s.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated value of attribute " + attrName);
        }
        String value = decode(pos + 1, end, true);
        pos = end + 1;
        if (attrs.length < 2 * attrCount + 2) {
            attrs = Arrays.copyOf(attrs, attrs.length * 2);
        }
        attrs[2 * attrCount] = attrName;
        attrs[2 * attrCount + 1] = value;
        attrCount++;
    }

    private int endTag() {
        pos += 2;
        int start = pos;
        while (pos < s.length() && !delimiter(s.charAt(pos))) {
            pos++;
        }
        String top = open.peek();
        // Compared in place: the name on the stack is the one to report, no need for a copy.
        if (top == null || pos - start != top.length() || !s.startsWith(top, start)) {
            throw error("</" + s.substring(start, pos) + "> does not close "
                    + (top == null ? "anything" : "<" + top + ">"));
        }
        skipSpace();
        expect(">");
        open.pop();
        name = top;
        return END;
    }

    private String readName() {
        int start = pos;
        while (pos < s.length() && !delimiter(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a name");
        }
        return s.substring(start, pos);
    }

    private static boolean delimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '='
                || c == '<' || c == '"' || c == '\'';
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void expect(String token) {
        if (!s.startsWith(token, pos)) {
            throw error("expected '" + token + "'");
        }
        pos += token.length();
    }

    private char charAt(int i) {
        if (i >= s.length()) {
            throw error("document ends inside a tag");
        }
        return s.charAt(i);
    }

    /**
     * Resolves references and normalizes line ends ({@code \r\n} and {@code \r} become {@code \n}); in an
     * attribute value every whitespace character becomes a space, except those written as references.
     */
    private String decode(int from, int to, boolean attribute) {
        int i = from;
        while (i < to && s.charAt(i) != '&' && s.charAt(i) != '\r' && !(attribute && (s.charAt(i) == '\n'
                || s.charAt(i) == '\t'))) {
            i++;
        }
        if (i == to) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from).append(s, from, i);
        while (i < to) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi < 0 || semi >= to) {
                    throw error("unterminated reference");
                }
                out.appendCodePoint(reference(s.substring(i + 1, semi)));
                i = semi + 1;
                continue;
            }
            if (c == '\r') {
                if (i + 1 < to && s.charAt(i + 1) == '\n') {
                    i++;
                }
                c = '\n';
            }
            out.append(attribute && (c == '\n' || c == '\t') ? ' ' : c);
            i++;
        }
        return out.toString();
    }

    private int reference(String ref) {
        switch (ref) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "apos":
                return '\'';
            case "quot":
                return '"';
            default:
                break;
        }
        try {
            if (ref.startsWith("#x")) {
                return Integer.parseInt(ref.substring(2), 16);
            }
            if (ref.startsWith("#")) {
                return Integer.parseInt(ref.substring(1));
            }
        } catch (NumberFormatException e) {
            throw error("bad character reference &" + ref + ";");
        }
        throw error("undeclared entity &" + ref + ";");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("libvirt returned XML that does not parse: " + what + " at offset " + pos);
    }
}
