package io.nicsync.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Building YAML documents as snakeyaml-engine nodes, comments included, and dumping them. Nodes rather than
 * maps because only nodes carry comments; the emitter does all quoting, so no value can break the syntax.
 */
final class YamlNodes {
    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDumpComments(true)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(120)
            .build();

    private YamlNodes() {
    }

    /** A block mapping whose entries are added in order with {@link #put}. */
    static MappingNode mapping() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
    }

    /** An empty mapping written {@code {}}, as {@code pod: {}}. */
    static MappingNode emptyFlowMapping() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.FLOW);
    }

    /** A block sequence, or {@code []} when empty. */
    static SequenceNode sequence(List<Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), items.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    static ScalarNode text(String value) {
        return new ScalarNode(Tag.STR, value, ScalarStyle.PLAIN);
    }

    /** Quoted, as the documentation writes MACs, so that no reader takes it for anything but a string. */
    static ScalarNode quoted(String value) {
        return new ScalarNode(Tag.STR, value, ScalarStyle.DOUBLE_QUOTED);
    }

    static ScalarNode number(int value) {
        return new ScalarNode(Tag.INT, Integer.toString(value), ScalarStyle.PLAIN);
    }

    static ScalarNode bool(boolean value) {
        return new ScalarNode(Tag.BOOL, Boolean.toString(value), ScalarStyle.PLAIN);
    }

    /**
     * A plain Java value as YAML gives it (String, Number, Boolean, null, List, Map): a codec's encoding of a
     * network. Strings are written as strings, quoted where they would read as something else; an empty
     * mapping is written {@code {}}.
     */
    static Node plain(Object value) {
        return switch (value) {
            case null -> new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
            case String s -> text(s);
            case Boolean b -> bool(b);
            case Integer i -> number(i);
            case Long l -> new ScalarNode(Tag.INT, Long.toString(l), ScalarStyle.PLAIN);
            case Number n -> new ScalarNode(Tag.FLOAT, n.toString(), ScalarStyle.PLAIN);
            case java.util.Map<?, ?> m when m.isEmpty() -> emptyFlowMapping();
            case java.util.Map<?, ?> m -> {
                MappingNode out = mapping();
                m.forEach((k, v) -> put(out, String.valueOf(k), plain(v)));
                yield out;
            }
            case List<?> l -> sequence(l.stream().map(YamlNodes::plain).toList());
            default -> throw new IllegalArgumentException("not a YAML value: " + value.getClass().getName());
        };
    }

    /** Adds {@code key: value} and returns the key node, for comments. */
    static ScalarNode put(MappingNode map, String key, Node value) {
        ScalarNode k = text(key);
        map.getValue().add(new NodeTuple(k, value));
        return k;
    }

    /** Comment lines written above {@code node} (a key, for a mapping entry). */
    static void above(Node node, List<String> lines) {
        List<CommentLine> comments = new ArrayList<>(node.getBlockComments() == null ? List.of() : node.getBlockComments());
        lines.forEach(l -> comments.add(comment(l, CommentType.BLOCK)));
        node.setBlockComments(comments);
    }

    /** A comment at the end of {@code value}'s line. */
    static void after(Node value, String text) {
        value.setInLineComments(new ArrayList<>(List.of(comment(text, CommentType.IN_LINE))));
    }

    private static CommentLine comment(String text, CommentType type) {
        return new CommentLine(Optional.empty(), Optional.empty(), " " + text, type);
    }

    static String dump(Node document) {
        StringBuilder out = new StringBuilder();
        new Dump(SETTINGS).dumpNode(document, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        return out.toString();
    }
}
