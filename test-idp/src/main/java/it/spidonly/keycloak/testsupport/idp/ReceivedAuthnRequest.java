package it.spidonly.keycloak.testsupport.idp;

import java.time.Instant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An AuthnRequest as the test IdP received it, with the outcome of its signature check. The convenience getters are
 * read once from the DOM when the request arrives; they return {@code null} for absent attributes.
 */
public final class ReceivedAuthnRequest {

    public static final String POST = "POST";
    public static final String REDIRECT = "REDIRECT";

    private final String binding;
    private final String xml;
    private final Document document;
    private final String relayState;
    private final String sigAlg;
    private final String signature;
    private final SignatureCheck signatureCheck;
    private final Instant receivedAt;
    private final String id;
    private final String issueInstant;
    private final String destination;
    private final String issuer;
    private final String authnContextClassRef;
    private final String comparison;
    private final Integer attributeConsumingServiceIndex;
    private final Integer assertionConsumerServiceIndex;
    private final String assertionConsumerServiceUrl;
    private final String protocolBinding;
    private final boolean forceAuthn;

    ReceivedAuthnRequest(String binding, String xml, Document document, String relayState, String sigAlg,
            String signature, SignatureCheck signatureCheck, Instant receivedAt) {
        this.binding = binding;
        this.xml = xml;
        this.document = document;
        this.relayState = relayState;
        this.sigAlg = sigAlg;
        this.signature = signature;
        this.signatureCheck = signatureCheck;
        this.receivedAt = receivedAt;
        Element root = document.getDocumentElement();
        this.id = SamlDom.attributeOrNull(root, "ID");
        this.issueInstant = SamlDom.attributeOrNull(root, "IssueInstant");
        this.destination = SamlDom.attributeOrNull(root, "Destination");
        this.attributeConsumingServiceIndex = index(SamlDom.attributeOrNull(root, "AttributeConsumingServiceIndex"));
        this.assertionConsumerServiceIndex = index(SamlDom.attributeOrNull(root, "AssertionConsumerServiceIndex"));
        this.assertionConsumerServiceUrl = SamlDom.attributeOrNull(root, "AssertionConsumerServiceURL");
        this.protocolBinding = SamlDom.attributeOrNull(root, "ProtocolBinding");
        this.forceAuthn = "true".equals(root.getAttribute("ForceAuthn")) || "1".equals(root.getAttribute("ForceAuthn"));
        Element issuerElement = SamlDom.child(root, SamlDom.ASSERTION_NS, "Issuer");
        this.issuer = issuerElement == null ? null : issuerElement.getTextContent().trim();
        Element context = SamlDom.child(root, SamlDom.PROTOCOL_NS, "RequestedAuthnContext");
        this.comparison = SamlDom.attributeOrNull(context, "Comparison");
        Element classRef = context == null ? null : SamlDom.child(context, SamlDom.ASSERTION_NS, "AuthnContextClassRef");
        this.authnContextClassRef = classRef == null ? null : classRef.getTextContent().trim();
    }

    private static Integer index(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@link #POST} or {@link #REDIRECT}. */
    public String binding() {
        return binding;
    }

    /** The decoded AuthnRequest XML. */
    public String xml() {
        return xml;
    }

    /** The parsed AuthnRequest (shared: copy it before changing it). */
    public Document document() {
        return document;
    }

    /** RelayState exactly as received (URL-decoded), or null. */
    public String relayState() {
        return relayState;
    }

    /** The SigAlg query parameter (HTTP-Redirect only), URL-decoded. */
    public String sigAlg() {
        return sigAlg;
    }

    /** The Signature query parameter (HTTP-Redirect only), base64 as sent. */
    public String signature() {
        return signature;
    }

    /** Whether the request was signed with a key from the SP metadata, as the binding requires. */
    public boolean signatureValid() {
        return signatureCheck.valid();
    }

    /** Why {@link #signatureValid()} is false, or null. */
    public String signatureProblem() {
        return signatureCheck.problem();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String id() {
        return id;
    }

    /** The IssueInstant attribute as written by the SP. */
    public String issueInstant() {
        return issueInstant;
    }

    public String destination() {
        return destination;
    }

    /** The Issuer text (the SP entityID). */
    public String issuer() {
        return issuer;
    }

    /** The requested AuthnContextClassRef, e.g. {@code https://www.spid.gov.it/SpidL2}. */
    public String authnContextClassRef() {
        return authnContextClassRef;
    }

    /** The requested SPID level 1..3, or 0 when the request names none. */
    public int requestedLevel() {
        return SpidLevel.fromUri(authnContextClassRef).map(SpidLevel::number).orElse(0);
    }

    /** RequestedAuthnContext/@Comparison as sent (SAML's default, when absent, is {@code exact}). */
    public String comparison() {
        return comparison;
    }

    public Integer attributeConsumingServiceIndex() {
        return attributeConsumingServiceIndex;
    }

    public Integer assertionConsumerServiceIndex() {
        return assertionConsumerServiceIndex;
    }

    public String assertionConsumerServiceUrl() {
        return assertionConsumerServiceUrl;
    }

    public String protocolBinding() {
        return protocolBinding;
    }

    public boolean forceAuthn() {
        return forceAuthn;
    }

    @Override
    public String toString() {
        return "ReceivedAuthnRequest[" + binding + " id=" + id + " level=" + authnContextClassRef
                + " signatureValid=" + signatureValid() + (signatureValid() ? "" : " (" + signatureProblem() + ")") + "]";
    }
}
