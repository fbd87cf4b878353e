package it.spidonly.keycloak.spid.web;

import java.util.Optional;

import org.keycloak.dom.saml.v2.protocol.StatusResponseType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.processing.web.util.PostBindingUtil;
import org.keycloak.saml.SAMLRequestParser;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;

/** Finds the enabled SPID IdP of the realm that issued a message (its Issuer is the IdP's entityID). */
final class SpidIdentityProviderLookup {
    private SpidIdentityProviderLookup() {
    }

    static Optional<String> aliasForResponse(KeycloakSession session, String base64Response) {
        SAMLDocumentHolder holder;
        try {
            holder = SAMLRequestParser.parseResponseDocument(PostBindingUtil.base64Decode(base64Response));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (holder == null || !(holder.getSamlObject() instanceof StatusResponseType)) {
            return Optional.empty();
        }
        StatusResponseType response = (StatusResponseType) holder.getSamlObject();
        if (response.getIssuer() == null || response.getIssuer().getValue() == null) {
            return Optional.empty();
        }
        return aliasForEntityId(session, response.getIssuer().getValue().trim());
    }

    static Optional<String> aliasForEntityId(KeycloakSession session, String entityId) {
        return session.identityProviders().getAllStream()
                .filter(IdentityProviderModel::isEnabled)
                .filter(idp -> SpidIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .filter(idp -> entityId.equals(idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID)))
                .map(IdentityProviderModel::getAlias)
                .findFirst();
    }
}
