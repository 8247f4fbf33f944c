package io.nicsync.plugin.libvirt;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** DOM helpers: every piece of libvirt XML is read and written through these, never by string concatenation. */
final class Xml {
    private Xml() {
    }

    // Building a factory looks up providers on the class path: far slower than the parse itself.
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Xml::builder);

    static Document parse(String xml) {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        try {
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("libvirt returned XML that does not parse: " + e.getMessage(), e);
        }
    }

    static Document newDocument() {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        return b.newDocument();
    }

    /** The element serialized on its own, without an XML declaration. */
    static String write(Node node) {
        try {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML", e);
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The attribute, or null when absent (DOM returns "" for absent attributes). */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    static String childAttr(Element parent, String child, String attr) {
        return child(parent, child).map(c -> attr(c, attr)).orElse(null);
    }

    /** The child of that name, created (appended) when missing. */
    static Element ensureChild(Element parent, String name) {
        return child(parent, name).orElseGet(() -> {
            Element c = parent.getOwnerDocument().createElement(name);
            parent.appendChild(c);
            return c;
        });
    }

    static void removeChildren(Element parent, String name) {
        children(parent, name).forEach(parent::removeChild);
    }

    private static DocumentBuilder builder() {
        try {
            // The JDK's own parser, whose features are set below; not one a jar on the class path offers (finding
            // that would search every jar each time).
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            // libvirt XML has no DTD; refusing one closes the door on entity expansion.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setExpandEntityReferences(false);
            // Every document is walked right after parsing; building nodes lazily only adds bookkeeping.
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no usable XML parser", e);
        }
    }
}
