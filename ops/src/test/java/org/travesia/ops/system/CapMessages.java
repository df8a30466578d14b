package org.travesia.ops.system;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads a CAP Atom feed and validates each CAP message in it against the OASIS CAP 1.2 schema (test resources). */
final class CapMessages {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Schema SCHEMA = schema();

    private CapMessages() {
    }

    /** The CAP alerts of a feed, each already validated (an invalid one throws). */
    static List<Element> validatedAlerts(String feed) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(feed)));
        if (!ATOM.equals(document.getDocumentElement().getNamespaceURI())
                || !"feed".equals(document.getDocumentElement().getLocalName())) {
            throw new AssertionError("Not an Atom feed: " + document.getDocumentElement().getTagName());
        }
        List<Element> alerts = new ArrayList<>();
        NodeList found = document.getElementsByTagNameNS(CAP, "alert");
        for (int i = 0; i < found.getLength(); i++) {
            Element alert = (Element) found.item(i);
            SCHEMA.newValidator().validate(new DOMSource(alert));
            alerts.add(alert);
        }
        return alerts;
    }

    static List<String> texts(Element parent, String localName) {
        List<String> texts = new ArrayList<>();
        NodeList found = parent.getElementsByTagNameNS(CAP, localName);
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(CapMessages.class.getResourceAsStream("/cap/CAP-v1.2.xsd")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
