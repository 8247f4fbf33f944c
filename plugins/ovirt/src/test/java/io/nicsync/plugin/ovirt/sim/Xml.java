package io.nicsync.plugin.ovirt.sim;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The simulated engine's XML: documents read and written with the JDK's DOM, independently of the SDK. */
final class Xml {
    private Xml() {
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    /** A document's root; an {@link IllegalArgumentException} for what is not well-formed XML. */
    static Element parse(byte[] body) {
        try {
            return builder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static String write(Element root) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends {@code <name>text</name>} to {@code parent}; nothing for a null text. */
    static Element text(Element parent, String name, Object text) {
        if (text == null) {
            return null;
        }
        Element e = parent.getOwnerDocument().createElement(name);
        e.setTextContent(String.valueOf(text));
        parent.appendChild(e);
        return e;
    }

    static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    /** A link: {@code <name href=".." id=".."/>}. */
    static Element link(Element parent, String name, String href, String id) {
        Element e = child(parent, name);
        e.setAttribute("href", href);
        e.setAttribute("id", id);
        return e;
    }

    static Optional<Element> first(Element parent, String name) {
        return ModelCheck.children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst();
    }

    static Optional<String> textOf(Element parent, String name) {
        return first(parent, name).map(Element::getTextContent);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
