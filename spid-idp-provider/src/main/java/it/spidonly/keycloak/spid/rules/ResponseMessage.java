package it.spidonly.keycloak.spid.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The HTTP-POST {@code SAMLResponse} parameter, decoded before any rule runs: at most {@link #MAX_BASE64_CHARS}
 * characters; no DOCTYPE or entity declaration (refused by a byte scan before parsing, so entity expansion never
 * starts); within the {@link XmlLimits} depth and element count (a streaming pre-scan, before any DOM); parsed
 * with Keycloak's secure parser (DTDs disallowed, no external entities, no XInclude); a {@code samlp:Response} or {@code samlp:LogoutResponse} root element.
 */
public final class ResponseMessage {
    /**
     * 64 KiB of base64 (48 KiB of XML): a SPID Response with every attribute is around 12 KiB. Keycloak itself
     * answers 413 to any form field over 128 KiB ({@code quarkus.http.limits.max-form-attribute-size}); below that,
     * this cap refuses with a page and an event before any XML is parsed.
     */
    public static final int MAX_BASE64_CHARS = 64 * 1024;
    public static final String SIZE = "spid.message.size";
    public static final String DOCTYPE = "spid.message.doctype";
    public static final String XML = "spid.message.xml";

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

    private final byte[] xml;
    private final Document document;
    private final SpidResponse view;
    private final String failedRuleId;

    private ResponseMessage(byte[] xml, Document document, SpidResponse view, String failedRuleId) {
        this.xml = xml;
        this.document = document;
        this.view = view;
        this.failedRuleId = failedRuleId;
    }

    public static ResponseMessage decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return refused(XML);
        }
        if (base64.length() > MAX_BASE64_CHARS) {
            return refused(SIZE);
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return refused(XML);
        }
        String ascii = new String(xml, StandardCharsets.ISO_8859_1);
        if (ascii.contains("<!DOCTYPE") || ascii.contains("<!ENTITY")) {
            return refused(DOCTYPE);
        }
        Optional<String> shape = XmlLimits.failedRuleId(xml);
        if (shape.isPresent()) {
            return refused(shape.get());
        }
        try {
            Document document = DocumentUtil.getDocument(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            if (root == null || !PROTOCOL.equals(root.getNamespaceURI())
                    || !("Response".equals(root.getLocalName()) || "LogoutResponse".equals(root.getLocalName()))) {
                return refused(XML);
            }
            // read once, here: a document the view cannot read is refused like any unreadable message, never a 500 later
            SpidResponse view = "Response".equals(root.getLocalName()) ? SpidResponse.of(document) : null;
            return new ResponseMessage(xml, document, view, null);
        } catch (Exception e) {
            return refused(XML);
        }
    }

    private static ResponseMessage refused(String ruleId) {
        return new ResponseMessage(null, null, null, ruleId);
    }

    /** The reason the message was refused before parsing; empty when it was decoded. */
    public Optional<String> failedRuleId() {
        return Optional.ofNullable(failedRuleId);
    }

    /** The local name of the root element ({@code Response}, {@code LogoutResponse}, ...). */
    public String rootName() {
        return document.getDocumentElement().getLocalName();
    }

    public boolean isLoginResponse() {
        return "Response".equals(rootName());
    }

    /**
     * The parsed message itself (issue 19, parse once): the DOM the view was read from and the signatures were
     * verified on, for the broker endpoint to hand to Keycloak's own handling (never re-parsed or re-serialised).
     * Callers must not change it before the rules have run.
     */
    public Document document() {
        if (document == null) {
            throw new IllegalStateException("the message was refused: " + failedRuleId);
        }
        return document;
    }

    /**
     * The decoded XML of {@link #document()}, the very bytes that passed the size, DOCTYPE and shape checks and were
     * parsed into it: Keycloak's typed (StAX) reading is made from them (issue 19), as Keycloak's own broker does,
     * since its parser would otherwise serialise the DOM back to text first.
     */
    public java.io.InputStream xml() {
        if (xml == null) {
            throw new IllegalStateException("the message was refused: " + failedRuleId);
        }
        return new ByteArrayInputStream(xml);
    }

    /** The view the rules read; only for a {@link #isLoginResponse() login Response}. */
    public SpidResponse view() {
        if (view == null) {
            throw new IllegalStateException("not a login Response");
        }
        return view;
    }
}
