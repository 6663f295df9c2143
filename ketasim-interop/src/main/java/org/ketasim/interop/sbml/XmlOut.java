package org.ketasim.interop.sbml;

import java.io.Writer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over a StAX {@link XMLStreamWriter}: two spaces per level, text kept on the line of
 * its element. StAX checks well-formedness and escapes text and attributes; this class only adds whitespace.
 */
final class XmlOut {

    private final XMLStreamWriter xml;
    private int depth;
    /** Whether the element now open has child elements (then its end tag goes on a line of its own). */
    private boolean hadChild;
    private boolean hadText;

    XmlOut(Writer out) throws XMLStreamException {
        this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    }

    void declaration() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    XmlOut start(String name, String... attributes) throws XMLStreamException {
        newline();
        xml.writeStartElement(name);
        attributes(attributes);
        depth++;
        hadChild = false;
        hadText = false;
        return this;
    }

    /** Opens an element that declares {@code namespace} as its default namespace. */
    XmlOut startIn(String namespace, String name, String... attributes) throws XMLStreamException {
        newline();
        xml.writeStartElement(name);
        xml.writeDefaultNamespace(namespace);
        attributes(attributes);
        depth++;
        hadChild = false;
        hadText = false;
        return this;
    }

    /** Binds {@code prefix} to {@code namespace} on the element just opened (before its attributes' use). */
    XmlOut declare(String prefix, String namespace) throws XMLStreamException {
        xml.writeNamespace(prefix, namespace);
        return this;
    }

    /** Opens {@code prefix:name} and binds {@code prefix} to {@code namespace} on it. */
    XmlOut startPrefixed(String prefix, String namespace, String name, String... attributes) throws XMLStreamException {
        newline();
        xml.writeStartElement(prefix, name, namespace);
        xml.writeNamespace(prefix, namespace);
        attributes(attributes);
        depth++;
        hadChild = false;
        hadText = false;
        return this;
    }

    /** An element with no content. */
    XmlOut empty(String name, String... attributes) throws XMLStreamException {
        newline();
        xml.writeEmptyElement(name);
        attributes(attributes);
        hadChild = true;
        return this;
    }

    /** An element holding only text, on one line. */
    XmlOut leaf(String name, String text) throws XMLStreamException {
        newline();
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
        hadChild = true;
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        xml.writeCharacters(text);
        hadText = true;
        return this;
    }

    XmlOut end() throws XMLStreamException {
        depth--;
        if (hadChild && !hadText) {
            newline();
        }
        xml.writeEndElement();
        hadChild = true;
        hadText = false;
        return this;
    }

    void finish() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    private void attributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        hadChild = true;
    }
}
