package it.spidonly.keycloak.eidas.node.broker;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.crypto.KeyUse;
import org.keycloak.events.EventBuilder;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.validators.DestinationValidator;
import org.w3c.dom.Document;

import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;
import it.spidonly.keycloak.eidas.node.rules.EidasResponseCheck;
import it.spidonly.keycloak.eidas.node.rules.EidasRuleContext;
import it.spidonly.keycloak.spid.broker.SpidRefusals;
import it.spidonly.keycloak.spid.rules.MessageGate;

/**
 * Keycloak's SAML broker endpoint with the eIDAS rules in front: every message of either binding first passes the
 * {@link MessageGate} (depth and element count, streamed, before anything parses it); a login Response (HTTP-POST) is decoded with a size cap
 * and no DOCTYPE, checked and decrypted ({@link EidasResponseCheck}), and only then handed, decrypted, to Keycloak's
 * {@code handleLoginResponse} (InResponseTo, issuer, times, audience, the user). A refusal is HTTP 400 with a login error
 * event naming the rule (as for SPID, {@link SpidRefusals}).
 */
final class EidasNodeEndpoint extends SAMLEndpoint {
    static final int MAX_BASE64_CHARS = 128 * 1024;
    static final String MESSAGE = "eidas.response.message";
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private final EidasNodeIdentityProvider node;

    EidasNodeEndpoint(KeycloakSession session, EidasNodeIdentityProvider provider, EidasNodeIdentityProviderConfig config,
                      UserAuthenticationIdentityProvider.AuthenticationCallback callback, DestinationValidator destinationValidator) {
        super(session, provider, config, callback, destinationValidator);
        this.node = provider;
    }

    @Override
    public Response postBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        Optional<String> unsafe = MessageGate.post(samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return refuseUnread(unsafe.get(), samlRequest != null);
        }
        if (samlResponse == null || samlArt != null) {
            return super.postBinding(samlRequest, samlResponse, samlArt, relayState);
        }
        return new EidasPostBinding().execute(null, samlResponse, null, relayState, null);
    }

    @Override
    public Response redirectBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        Optional<String> unsafe = MessageGate.redirect(maxInflatingSize, samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return refuseUnread(unsafe.get(), samlRequest != null);
        }
        return super.redirectBinding(samlRequest, samlResponse, samlArt, relayState);
    }

    /** A message that fails the {@link MessageGate} (depth, element count, not XML): nothing has parsed it. */
    private Response refuseUnread(String ruleId, boolean request) {
        event = new EventBuilder(realm, session, clientConnection);
        return SpidRefusals.refuseUnread(session, event, config.getAlias(), ruleId, request);
    }

    private EidasNodeIdentityProviderConfig nodeConfig() {
        return (EidasNodeIdentityProviderConfig) config;
    }

    private final class EidasPostBinding extends PostBinding {
        @Override
        public Response handleSamlResponse(String samlResponse, String relayState, String clientId) {
            Optional<Document> parsed = parse(samlResponse);
            if (parsed.isEmpty()) {
                return refuse(MESSAGE);
            }
            Document document = parsed.get();
            if (!isSuccess(document)) {
                return super.handleSamlResponse(samlResponse, relayState, clientId);
            }
            EidasRuleContext context = new EidasRuleContext(node.spEntityId(session.getContext().getUri().getBaseUri(), realm),
                    session.getContext().getUri().getAbsolutePath().toString(), nodeConfig().level(),
                    EidasRequestedAttribute.minimumDataSet().stream().filter(EidasRequestedAttribute::required)
                            .map(EidasRequestedAttribute::name).collect(Collectors.toSet()),
                    certificates(), nodeConfig().encryptionRequired());
            Optional<String> failed = EidasResponseCheck.firstFailure(document, decryptionKey(), context);
            if (failed.isPresent()) {
                return refuse(failed.get());
            }
            SAMLDocumentHolder holder;
            try {
                holder = SAMLRequestParser.parseResponseDocument(DocumentUtil.getDocumentAsString(document).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                return refuse(MESSAGE);
            }
            if (holder == null || !(holder.getSamlObject() instanceof ResponseType responseType)) {
                return refuse(MESSAGE);
            }
            return handleLoginResponse(samlResponse, holder, responseType, relayState, clientId);
        }

        private Response refuse(String ruleId) {
            return SpidRefusals.refuse(session, event, config.getAlias(), ruleId, null);
        }
    }

    /** Base64 within the cap, no DOCTYPE, Keycloak's secure parser, a samlp:Response root; else empty. */
    private static Optional<Document> parse(String base64) {
        if (base64.length() > MAX_BASE64_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] xml = Base64.getMimeDecoder().decode(base64);
            if (new String(xml, StandardCharsets.UTF_8).contains("<!DOCTYPE")) {
                return Optional.empty();
            }
            Document document = DocumentUtil.getDocument(new ByteArrayInputStream(xml));
            return "Response".equals(document.getDocumentElement().getLocalName())
                    && "urn:oasis:names:tc:SAML:2.0:protocol".equals(document.getDocumentElement().getNamespaceURI())
                    ? Optional.of(document) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean isSuccess(Document document) {
        var codes = document.getDocumentElement().getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "StatusCode");
        return codes.getLength() > 0 && SUCCESS.equals(((org.w3c.dom.Element) codes.item(0)).getAttribute("Value"));
    }

    private PrivateKey decryptionKey() {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.ENC, "RSA-OAEP");
        return key == null ? null : (PrivateKey) key.getPrivateKey();
    }

    private List<X509Certificate> certificates() {
        List<X509Certificate> out = new ArrayList<>();
        for (String base64 : config.getSigningCertificates()) {
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.replaceAll("\\s", "")))));
            } catch (Exception e) {
                // an unreadable certificate verifies nothing
            }
        }
        return out;
    }
}
