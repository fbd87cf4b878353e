package it.spidonly.keycloak.spid.web;

import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;

/** Finds the enabled SPID IdP of the realm that issued a message (its Issuer is the IdP's entityID). */
final class SpidIdentityProviderLookup {
    private SpidIdentityProviderLookup() {
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
