package it.spidonly.keycloak.spid.rules;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Depth and element-count limits on an incoming XML message, checked by a streaming pre-scan (StAX: no DTD, no
 * external entities, no entity replacement) <em>before</em> any DOM parse, copy or typed SAML parse, so that no
 * recursive code ever meets a hostile document (issue 16, F3). Two rules with ids, as for the SPID rules:
 * {@link #DEPTH} and {@link #ELEMENTS}; a document that is not well-formed is {@link ResponseMessage#XML}, one with
 * a DTD {@link ResponseMessage#DOCTYPE}.
 *
 * <p>Figures: a SPID Response with every attribute is 7 levels deep and about 120 elements; an eIDAS Response with
 * an encrypted assertion about 10 levels. {@link #MAX_DEPTH} and {@link #MAX_ELEMENTS} leave a wide margin.
 */
public final class XmlLimits {
    public static final String DEPTH = "spid.message.depth";
    public static final String ELEMENTS = "spid.message.elements";
    /** Nesting of elements, the root being depth 1. */
    public static final int MAX_DEPTH = 32;
    /** Elements in the whole message. */
    public static final int MAX_ELEMENTS = 2000;

    private XmlLimits() {
    }

    /** The id of the rule {@code xml} breaks, or empty when it is well-formed and within both limits. */
    public static Optional<String> failedRuleId(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return Optional.of(ResponseMessage.DOCTYPE);
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > MAX_DEPTH) {
                        return Optional.of(DEPTH);
                    }
                    if (++elements > MAX_ELEMENTS) {
                        return Optional.of(ELEMENTS);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return elements == 0 ? Optional.of(ResponseMessage.XML) : Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.of(ResponseMessage.XML);
        } finally {
            close(reader);
        }
    }

    /** The JDK's own StAX implementation, whatever else is on the class path, made safe. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held open: the input is a byte array
            }
        }
    }
}
