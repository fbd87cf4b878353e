package it.spidonly.keycloak.spid.web;

import java.util.Optional;

import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.protocol.RequestAbstractType;
import org.keycloak.dom.saml.v2.protocol.StatusResponseType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.processing.web.util.PostBindingUtil;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;

/**
 * Finds the enabled SPID-profile IdP of the realm that issued a message (its Issuer is the IdP's entityID): a SPID IdP
 * or another type built on the SPID one, such as FICEP ({@link SpidIdentityProviderFactory#speaksSpidProfile}).
 */
final class SpidIdentityProviderLookup {
    /** Cap on inflated HTTP-Redirect messages. */
    static final long MAX_INFLATED_BYTES = it.spidonly.keycloak.spid.broker.SpidEndpoint.MAX_INFLATED_BYTES;

    private SpidIdentityProviderLookup() {
    }

    /** HTTP-POST: base64 SAMLRequest or SAMLResponse. */
    static Optional<String> aliasForPostMessage(KeycloakSession session, String samlRequest, String samlResponse) {
        return aliasForIssuer(session, parse(() -> samlRequest != null
                ? SAMLRequestParser.parseRequestPostBinding(samlRequest)
                : samlResponse == null ? null : SAMLRequestParser.parseResponseDocument(PostBindingUtil.base64Decode(samlResponse))));
    }

    /** HTTP-Redirect: deflated base64 SAMLRequest or SAMLResponse (inflation capped). */
    static Optional<String> aliasForRedirectMessage(KeycloakSession session, String samlRequest, String samlResponse) {
        return aliasForIssuer(session, parse(() -> samlRequest != null
                ? SAMLRequestParser.parseRequestRedirectBinding(samlRequest, MAX_INFLATED_BYTES)
                : samlResponse == null ? null : SAMLRequestParser.parseResponseRedirectBinding(samlResponse, MAX_INFLATED_BYTES)));
    }

    private static SAMLDocumentHolder parse(java.util.function.Supplier<SAMLDocumentHolder> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> aliasForIssuer(KeycloakSession session, SAMLDocumentHolder holder) {
        if (holder == null) {
            return Optional.empty();
        }
        NameIDType issuer = holder.getSamlObject() instanceof StatusResponseType response ? response.getIssuer()
                : holder.getSamlObject() instanceof RequestAbstractType request ? request.getIssuer() : null;
        if (issuer == null || issuer.getValue() == null) {
            return Optional.empty();
        }
        return aliasForEntityId(session, issuer.getValue().trim());
    }

    /** O(1) in the number of IdPs of the realm: see {@link EntityIdIndex}. */
    static Optional<String> aliasForEntityId(KeycloakSession session, String entityId) {
        return EntityIdIndex.aliasFor(session, entityId);
    }
}
