package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the documents of one file with snakeyaml-engine's compose API (which keeps every node's position)
 * under the YAML 1.2 core schema. Documents before a syntax error are kept: they are still checked, so a
 * user sees their problems in the same run.
 */
final class YamlReader {
    private final Limits limits;
    /** Made once: settings are immutable, and making them compiles the schema's patterns. */
    private final LoadSettings settings;

    YamlReader(Limits limits) {
        this.limits = limits;
        this.settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setCodePointLimit(limits.maxFileBytes())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                // Accepted here only to be refused with a position by TreeBuilder.
                .setAllowNonScalarKeys(true)
                .setUseMarks(true)
                .build();
    }

    List<YamlDocument> read(SourceFile source, Diagnostics out) {
        String file = source.path();
        if (!source.loaded()) {
            out.error(file, Location.START, "file is " + source.size() + " bytes, more than one desired-state file "
                    + "may have; it was not read");
            return List.of();
        }
        if (source.size() > limits.maxFileBytes()) {
            out.error(file, Location.START, "file is " + source.size() + " bytes; the limit is "
                    + limits.maxFileBytes() + " bytes");
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(source.content())).toString();
        } catch (CharacterCodingException e) {
            out.error(file, Location.START, "file is not UTF-8 text");
            return List.of();
        }
        return documents(file, text, out);
    }

    private List<YamlDocument> documents(String file, String text, Diagnostics out) {
        List<YamlDocument> docs = new ArrayList<>();
        int index = 0;
        try {
            Iterator<Node> it = new Compose(settings).composeAllFromString(text).iterator();
            while (it.hasNext()) {
                Node root = it.next();
                int current = index++;
                if (current == limits.maxDocumentsPerFile()) {
                    out.error(file, Location.of(root.getStartMark()), "more than " + limits.maxDocumentsPerFile()
                            + " documents in one file; the rest of the file is not read");
                    break;
                }
                if (isEmpty(root)) {
                    continue;
                }
                try {
                    docs.add(TreeBuilder.build(file, current, root, limits, out));
                } catch (TreeBuilder.TooLarge e) {
                    out.error(file, e.at, e.getMessage());
                }
            }
        } catch (MarkedYamlEngineException e) {
            out.error(file, Location.of(e.getProblemMark().or(e::getContextMark)), syntaxMessage(e));
        } catch (YamlEngineException e) {
            // The alias and size guards throw without a mark.
            out.error(file, Location.START, "refusing to read this file: " + e.getMessage());
        } catch (StackOverflowError e) {
            // snakeyaml-engine's parser recurses once per nesting level and has no depth limit of its own.
            // Only its own frames are unwound and its state is thrown away, so going on is safe.
            out.error(file, Location.START, "refusing to read this file: it is nested too deeply");
        }
        return docs;
    }

    /** A document with nothing in it (only comments, or a stray {@code ---}) declares nothing. */
    private static boolean isEmpty(Node root) {
        return root instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty();
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String context = e.getContext();
        return "YAML syntax error: " + e.getProblem() + (context == null || context.isEmpty() ? "" : " (" + context + ")");
    }
}
