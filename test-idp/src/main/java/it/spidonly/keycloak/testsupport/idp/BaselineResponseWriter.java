package it.spidonly.keycloak.testsupport.idp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the unsigned, SPID-compliant baseline Response (SPID Regole tecniche, "Response" and "Assertion"): Response
 * with ID, Version, IssueInstant, InResponseTo, Destination = ACS, Issuer (Format entity), Status Success and one
 * Assertion with Issuer (Format entity, NameQualifier), a transient NameID with NameQualifier, a bearer
 * SubjectConfirmation (Recipient, InResponseTo, NotOnOrAfter), Conditions (NotBefore, NotOnOrAfter, Audience), an
 * AuthnStatement with the SPID level and an AttributeStatement with the requested attributes.
 */
final class BaselineResponseWriter {

    /** How long the assertion may be used (SubjectConfirmationData and Conditions NotOnOrAfter). */
    static final Duration VALIDITY = Duration.ofMinutes(5);

    private static final String SAMLP = SamlDom.PROTOCOL_NS;
    private static final String SAML = SamlDom.ASSERTION_NS;
    private static final Set<String> DATE_ATTRIBUTES = Set.of("dateOfBirth", "expirationDate");

    private final Document doc = SamlXml.newDocument();
    private final ResponseParameters p;

    private BaselineResponseWriter(ResponseParameters parameters) {
        this.p = parameters;
    }

    static Document write(ResponseParameters parameters) {
        return new BaselineResponseWriter(parameters).response();
    }

    private Document response() {
        Element response = element(SAMLP, "samlp:Response");
        response.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:samlp", SAMLP);
        response.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:saml", SAML);
        identify(response);
        response.setAttribute("InResponseTo", p.requestId());
        response.setAttribute("Destination", p.acsUrl());
        doc.appendChild(response);
        response.appendChild(issuer(false));
        Element status = child(response, SAMLP, "samlp:Status");
        child(status, SAMLP, "samlp:StatusCode").setAttribute("Value", SamlUris.STATUS_SUCCESS);
        response.appendChild(assertion());
        return doc;
    }

    private Element assertion() {
        Element assertion = element(SAML, "saml:Assertion");
        identify(assertion);
        assertion.appendChild(issuer(true));
        assertion.appendChild(subject());
        assertion.appendChild(conditions());
        assertion.appendChild(authnStatement());
        if (!p.attributes().isEmpty()) {
            assertion.appendChild(attributeStatement());
        }
        return assertion;
    }

    private void identify(Element element) {
        element.setAttribute("ID", RandomIds.samlId());
        element.setAttribute("Version", SamlUris.VERSION);
        element.setAttribute("IssueInstant", SamlTime.format(p.now()));
    }

    private Element issuer(boolean withNameQualifier) {
        Element issuer = element(SAML, "saml:Issuer");
        issuer.setAttribute("Format", SamlUris.NAMEID_ENTITY);
        if (withNameQualifier) {
            issuer.setAttribute("NameQualifier", p.idpEntityId());
        }
        issuer.setTextContent(p.idpEntityId());
        return issuer;
    }

    private Element subject() {
        Element subject = element(SAML, "saml:Subject");
        Element nameId = child(subject, SAML, "saml:NameID");
        nameId.setAttribute("Format", SamlUris.NAMEID_TRANSIENT);
        nameId.setAttribute("NameQualifier", p.idpEntityId());
        nameId.setTextContent(RandomIds.samlId());
        Element confirmation = child(subject, SAML, "saml:SubjectConfirmation");
        confirmation.setAttribute("Method", SamlUris.CM_BEARER);
        Element data = child(confirmation, SAML, "saml:SubjectConfirmationData");
        data.setAttribute("Recipient", p.acsUrl());
        data.setAttribute("InResponseTo", p.requestId());
        data.setAttribute("NotOnOrAfter", SamlTime.format(p.now().plus(VALIDITY)));
        return subject;
    }

    private Element conditions() {
        Element conditions = element(SAML, "saml:Conditions");
        conditions.setAttribute("NotBefore", SamlTime.format(p.now()));
        conditions.setAttribute("NotOnOrAfter", SamlTime.format(p.now().plus(VALIDITY)));
        child(child(conditions, SAML, "saml:AudienceRestriction"), SAML, "saml:Audience").setTextContent(p.spEntityId());
        return conditions;
    }

    private Element authnStatement() {
        Element statement = element(SAML, "saml:AuthnStatement");
        statement.setAttribute("AuthnInstant", SamlTime.format(p.now()));
        statement.setAttribute("SessionIndex", RandomIds.samlId());
        Element context = child(statement, SAML, "saml:AuthnContext");
        child(context, SAML, "saml:AuthnContextClassRef").setTextContent(p.level().uri());
        return statement;
    }

    private Element attributeStatement() {
        Element statement = element(SAML, "saml:AttributeStatement");
        for (Map.Entry<String, String> attribute : p.attributes().entrySet()) {
            Element element = child(statement, SAML, "saml:Attribute");
            element.setAttribute("Name", attribute.getKey());
            element.setAttribute("NameFormat", SamlUris.ATTRNAME_BASIC);
            Element value = child(element, SAML, "saml:AttributeValue");
            value.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:xs", SamlDom.XS_NS);
            value.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:xsi", SamlDom.XSI_NS);
            value.setAttributeNS(SamlDom.XSI_NS, "xsi:type",
                    DATE_ATTRIBUTES.contains(attribute.getKey()) ? "xs:date" : "xs:string");
            value.setTextContent(attribute.getValue());
        }
        return statement;
    }

    private Element element(String namespace, String qualifiedName) {
        return doc.createElementNS(namespace, qualifiedName);
    }

    private Element child(Element parent, String namespace, String qualifiedName) {
        return (Element) parent.appendChild(element(namespace, qualifiedName));
    }
}
