package it.spidonly.keycloak.spid.rules;

import java.util.Optional;

import org.w3c.dom.Document;

/**
 * An immutable view of a SAML Response as the rules read it, built from the DOM that the secure parser produced.
 * Absent XML attributes are {@code null}, present but empty ones {@code ""}; absent elements are empty
 * {@code Optional}s. The assertion is the first {@code saml:Assertion} child of the Response, the one Keycloak
 * reads after the rules: {@link SingleAssertionRule} makes sure there is no other one anywhere in the message.
 * The view keeps references to the signed elements of the message's own DOM, only to verify signatures in place
 * (issue 19: no copy); the DOM must not change between reading the view and running the rules.
 */
public final class SpidResponse {
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /** ID, Version, IssueInstant and Issuer: what a Response and an Assertion both have. */
    public record Header(String id, String version, String issueInstant, Optional<Issuer> issuer) {
    }

    /** {@code saml:Issuer}: its trimmed text and its {@code Format} attribute. */
    public record Issuer(String value, String format) {
    }

    /** {@code samlp:Status}: the top-level StatusCode value, the nested one and the StatusMessage text. */
    public record Status(String code, String subCode, String message) {
    }

    private final Header header;
    private final String inResponseTo;
    private final String destination;
    private final Optional<Status> status;
    private final int assertionChildren;
    private final int assertionsInDocument;
    private final int encryptedAssertions;
    private final EnvelopedSignature signature;
    private final Optional<AssertionView> assertion;

    SpidResponse(Header header, String inResponseTo, String destination, Optional<Status> status,
                 int assertionChildren, int assertionsInDocument, int encryptedAssertions,
                 EnvelopedSignature signature, Optional<AssertionView> assertion) {
        this.header = header;
        this.inResponseTo = inResponseTo;
        this.destination = destination;
        this.status = status;
        this.assertionChildren = assertionChildren;
        this.assertionsInDocument = assertionsInDocument;
        this.encryptedAssertions = encryptedAssertions;
        this.signature = signature;
        this.assertion = assertion;
    }

    /** Reads {@code document}, whose root must be a {@code samlp:Response}; the document is not copied. */
    public static SpidResponse of(Document document) {
        return SpidResponseReader.read(document);
    }

    public Header header() {
        return header;
    }

    public String inResponseTo() {
        return inResponseTo;
    }

    public String destination() {
        return destination;
    }

    public Optional<Status> status() {
        return status;
    }

    /** Whether the top-level StatusCode is Success: the login rules apply, else the error-status rules. */
    public boolean isSuccess() {
        return status.map(s -> STATUS_SUCCESS.equals(s.code())).orElse(false);
    }

    /** {@code saml:Assertion} children of the Response. */
    public int assertionChildren() {
        return assertionChildren;
    }

    /** {@code saml:Assertion} elements anywhere in the message (wrapping attacks hide copies in odd places). */
    public int assertionsInDocument() {
        return assertionsInDocument;
    }

    public int encryptedAssertions() {
        return encryptedAssertions;
    }

    /** The Response's own signature (its {@code ds:Signature} children). */
    public EnvelopedSignature signature() {
        return signature;
    }

    public Optional<AssertionView> assertion() {
        return assertion;
    }
}
