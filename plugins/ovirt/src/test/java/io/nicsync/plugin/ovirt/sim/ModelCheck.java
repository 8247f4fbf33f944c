package io.nicsync.plugin.ovirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks an XML document of the Engine API against the published API model: {@code model.json} of
 * {@code org.ovirt.engine.api:model} (4.6.1), the model the engine, its XML schema and every SDK are generated from.
 * No XSD is published (the engine generates one at build time), so this applies the model's types with the rules of
 * its XML binding, as the metamodel's XML writers and readers apply them:
 *
 * <ul>
 *   <li>a struct is an element whose children are its attributes and links, each at most once, by name;
 *       {@code id} and {@code href} are XML attributes of identified structs and of links;</li>
 *   <li>a list ({@code T[]}) is an element holding one element per item, named as the item's type; a document that
 *       is a list is named with the plural of the type ({@code <nics><nic>});</li>
 *   <li>a link to a list may also be a {@code <link rel="..." href="..."/>}, and an object may carry its
 *       {@code <actions>};</li>
 *   <li>booleans are {@code true} or {@code false}, integers and decimals numbers, dates ISO 8601, enums one of the
 *       type's values.</li>
 * </ul>
 *
 * A document is checked against what a service method of the model takes or gives: {@code vm_nics.add} takes a
 * {@code nic}; {@code vm_nics.list} gives {@code nic[]}; an action ({@code vm_nic.activate}) takes and gives an
 * {@code action}; a failure is a {@code fault}.
 */
final class ModelCheck {
    private static ModelCheck loaded;

    private final Map<String, JsonNode> types = new HashMap<>();
    private final Map<String, JsonNode> services = new HashMap<>();

    private ModelCheck(JsonNode model) {
        model.path("types").forEach(t -> types.put(t.path("name").asText(), t));
        model.path("services").forEach(s -> services.put(s.path("name").asText(), s));
    }

    /** The model of the {@code model} artifact's javadoc jar on the class path; read once. */
    static synchronized ModelCheck load() {
        if (loaded == null) {
            try (InputStream in = ModelCheck.class.getResourceAsStream("/model.json")) {
                if (in == null) {
                    throw new IllegalStateException("model.json is not on the class path: the test dependency"
                            + " org.ovirt.engine.api:model:javadoc provides it");
                }
                loaded = new ModelCheck(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** What a document must be: its root element's name and the model type it holds. */
    record Expect(String element, String type, boolean list) {
        static Expect of(String type) {
            return new Expect(type, type, false);
        }
    }

    /** What the method {@code method} of service {@code service} takes: its one struct input, or an action. */
    Expect input(String service, String method) {
        return parameter(service, method, true);
    }

    /** What the method gives back: its one output, or an action. */
    Expect output(String service, String method) {
        return parameter(service, method, false);
    }

    private Expect parameter(String service, String method, boolean in) {
        JsonNode s = services.get(service);
        if (s == null) {
            throw new IllegalArgumentException("the model has no service " + service);
        }
        for (JsonNode m : s.path("methods")) {
            if (!m.path("name").asText().equals(method)) {
                continue;
            }
            if (!java.util.Set.of("get", "list", "add", "update", "remove").contains(method)) {
                return Expect.of("action"); // an action method: its parameters travel in an <action>
            }
            for (JsonNode p : m.path("parameters")) {
                String type = p.path("type").asText();
                String base = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
                boolean struct = "struct".equals(types.get(base).path("kind").asText());
                if (p.path(in ? "in" : "out").asBoolean() && struct) {
                    return type.endsWith("[]") ? new Expect(plural(base), base, true) : Expect.of(base);
                }
            }
            throw new IllegalArgumentException(service + "." + method + " has no " + (in ? "input" : "output"));
        }
        throw new IllegalArgumentException("the model's service " + service + " has no method " + method);
    }

    /** Every way {@code root} departs from {@code expect}; empty when it is a valid document. */
    List<String> check(Element root, Expect expect) {
        List<String> problems = new ArrayList<>();
        if (!root.getTagName().equals(expect.element())) {
            problems.add("/" + root.getTagName() + ": expected <" + expect.element() + ">");
            return problems;
        }
        if (expect.list()) {
            for (Element item : children(root)) {
                element(item, expect.type(), "/" + root.getTagName(), problems);
            }
            noAttributes(root, "/" + root.getTagName(), problems);
        } else {
            element(root, expect.type(), "", problems);
        }
        return problems;
    }

    private void element(Element e, String type, String parent, List<String> problems) {
        String path = parent + "/" + e.getTagName();
        JsonNode t = types.get(type);
        if (t == null) {
            problems.add(path + ": the model has no type " + type);
            return;
        }
        switch (t.path("kind").asText()) {
            case "primitive" -> primitive(e, type, path, problems);
            case "enum" -> {
                noAttributes(e, path, problems);
                Set<String> values = new java.util.LinkedHashSet<>();
                t.path("values").forEach(v -> values.add(v.path("name").asText()));
                if (!values.contains(e.getTextContent())) {
                    problems.add(path + ": \"" + e.getTextContent() + "\" is not a " + type + " (" + values + ")");
                }
            }
            default -> struct(e, t, path, problems);
        }
    }

    private void struct(Element e, JsonNode t, String path, List<String> problems) {
        Map<String, String> members = new LinkedHashMap<>();
        t.path("attributes").forEach(a -> members.put(a.path("name").asText(), a.path("type").asText()));
        Set<String> links = new HashSet<>();
        t.path("links").forEach(l -> {
            members.put(l.path("name").asText(), l.path("type").asText());
            links.add(l.path("name").asText());
        });
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = ((Attr) attributes.item(i)).getName();
            if (!((name.equals("href") || name.equals("id")) && members.containsKey("id"))) {
                problems.add(path + ": XML attribute " + name + " is not in the model's " + t.path("name").asText());
            }
        }
        if (!e.getTextContent().isBlank() && children(e).isEmpty()) {
            problems.add(path + ": a " + t.path("name").asText() + " has no text of its own");
        }
        Set<String> seen = new HashSet<>();
        for (Element child : children(e)) {
            String name = child.getTagName();
            String childPath = path + "/" + name;
            if (name.equals("link")) {
                if (!links.contains(child.getAttribute("rel")) || !child.hasAttribute("href")) {
                    problems.add(childPath + "[@rel=" + child.getAttribute("rel") + "]: not a link of the model's "
                            + t.path("name").asText());
                }
                continue;
            }
            if (name.equals("actions")) {
                continue;
            }
            String type = members.get(name);
            if (type == null) {
                problems.add(childPath + ": not an attribute or link of the model's " + t.path("name").asText());
                continue;
            }
            if (!seen.add(name)) {
                problems.add(childPath + ": given twice");
            }
            if (type.endsWith("[]")) {
                String item = type.substring(0, type.length() - 2);
                noAttributes(child, childPath, problems);
                for (Element each : children(child)) {
                    if (!each.getTagName().equals(item)) {
                        problems.add(childPath + "/" + each.getTagName() + ": items of " + name + " are <" + item
                                + ">");
                    } else {
                        element(each, item, childPath, problems);
                    }
                }
            } else {
                element(child, type, path, problems);
            }
        }
    }

    private static void primitive(Element e, String type, String path, List<String> problems) {
        noAttributes(e, path, problems);
        if (!children(e).isEmpty()) {
            problems.add(path + ": a " + type + " has no elements");
            return;
        }
        String text = e.getTextContent();
        boolean ok = switch (type) {
            case "boolean" -> text.equals("true") || text.equals("false");
            case "integer" -> text.matches("-?\\d+");
            case "decimal" -> text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            case "date" -> isDate(text);
            default -> true;
        };
        if (!ok) {
            problems.add(path + ": \"" + text + "\" is not a " + type);
        }
    }

    private static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void noAttributes(Element e, String path, List<String> problems) {
        if (e.getAttributes().getLength() > 0) {
            problems.add(path + ": takes no XML attributes");
        }
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }

    /** The metamodel's plural of a type name, for the names of list documents. */
    static String plural(String name) {
        if (name.endsWith("y") && !name.endsWith("ay") && !name.endsWith("ey")) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        return name.endsWith("s") ? name + "es" : name + "s";
    }
}
