package io.tidings.webhooks.intake;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Salesforce Outbound Message SOAP envelopes ({@code notifications} in
 * {@code http://soap.sforce.com/2005/09/outbound}) with a parser that refuses DTDs, so no entity
 * can expand or reach out; and writes the SOAP acknowledgement.
 */
final class SalesforceOutboundMessages {

    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    static final String SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com";
    static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
            + "<notificationsResponse xmlns=\"" + OUTBOUND_NS + "\"><Ack>true</Ack></notificationsResponse>"
            + "</soapenv:Body></soapenv:Envelope>";

    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final DocumentBuilderFactory PARSERS = parsers();
    private static final TransformerFactory WRITERS = writers();

    private SalesforceOutboundMessages() {
    }

    static OutboundMessage read(byte[] body, Instant receivedAt) {
        Document document = parse(body);
        Element notifications = only(document.getElementsByTagNameNS(OUTBOUND_NS, "notifications"), "notifications");
        String organizationId = childText(notifications, OUTBOUND_NS, "OrganizationId");
        List<InboundDelivery> deliveries = new ArrayList<>();
        for (Element notification : children(notifications, OUTBOUND_NS, "Notification")) {
            deliveries.add(delivery(notification, receivedAt));
        }
        if (deliveries.isEmpty()) {
            throw new MalformedDeliveryException("The notifications element holds no Notification.");
        }
        return new OutboundMessage(organizationId, deliveries);
    }

    /**
     * The fields of the sObject in a notification the inbox stored, by name (e.g. {@code Id},
     * {@code PersonContactId}); fields sent as nil or empty are left out.
     */
    static Map<String, String> sObjectFields(String storedNotification) {
        Element notification = parse(storedNotification.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        List<Element> sObjects = children(notification, OUTBOUND_NS, "sObject");
        if (sObjects.size() != 1) {
            throw new MalformedDeliveryException("The stored notification must hold one sObject.");
        }
        Map<String, String> fields = new HashMap<>();
        for (Node child = sObjects.getFirst().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element field && SOBJECT_NS.equals(field.getNamespaceURI())
                    && !field.getTextContent().isBlank()) {
                fields.put(field.getLocalName(), field.getTextContent().strip());
            }
        }
        return fields;
    }

    private static InboundDelivery delivery(Element notification, Instant receivedAt) {
        String id = childText(notification, OUTBOUND_NS, "Id");
        List<Element> sObjects = children(notification, OUTBOUND_NS, "sObject");
        if (sObjects.size() != 1) {
            throw new MalformedDeliveryException("Notification " + id + " must hold one sObject.");
        }
        Element sObject = sObjects.getFirst();
        String type = sObject.getAttributeNS(XSI_NS, "type");
        String objectType = type.substring(type.indexOf(':') + 1);
        if (objectType.isBlank()) {
            throw new MalformedDeliveryException("The sObject of notification " + id + " has no xsi:type.");
        }
        String recordId = childText(sObject, SOBJECT_NS, "Id");
        List<Element> modified = children(sObject, SOBJECT_NS, "LastModifiedDate");
        Instant occurredAt = modified.isEmpty() ? receivedAt : instant(modified.getFirst().getTextContent().strip(), id);
        // Not stamped: a redelivery carries the record as it is then, so its LastModifiedDate may be newer.
        return new InboundDelivery(DeliverySource.SALESFORCE, id, "salesforce:outbound-message:" + objectType,
                "salesforce:" + objectType + ":" + recordId, occurredAt, xml(notification));
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilder builder = PARSERS.newDocumentBuilder();
            // Fatal errors are thrown, not printed to stderr as the default handler does.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new MalformedDeliveryException("The body is not an acceptable XML document: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new MalformedDeliveryException("The body could not be read.", e);
        }
    }

    private static Element only(org.w3c.dom.NodeList nodes, String name) {
        if (nodes.getLength() != 1) {
            throw new MalformedDeliveryException("The body must hold one " + name + " element of " + OUTBOUND_NS + ".");
        }
        return (Element) nodes.item(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String childText(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        String text = found.size() == 1 ? found.getFirst().getTextContent().strip() : "";
        if (text.isEmpty() || text.length() > InboundDelivery.MAX_TEXT) {
            throw new MalformedDeliveryException(parent.getLocalName() + " must hold one " + name + " of 1 to "
                    + InboundDelivery.MAX_TEXT + " characters.");
        }
        return text;
    }

    private static Instant instant(String text, String notificationId) {
        try {
            return OffsetInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedDeliveryException("LastModifiedDate of notification " + notificationId
                    + " is not an ISO-8601 date-time.");
        }
    }

    /** The notification on its own, namespaces declared, as the inbox payload. */
    private static String xml(Element notification) {
        try {
            Transformer transformer = WRITERS.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(notification), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("a parsed element always serialises", e);
        }
    }

    private static DocumentBuilderFactory parsers() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports these features", e);
        }
    }

    private static TransformerFactory writers() {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
