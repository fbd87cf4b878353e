package it.spidonly.keycloak.cie.broker;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.saml.validators.DestinationValidator;

import it.spidonly.keycloak.cie.metadata.CieMetadata;
import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.broker.SpidIdentityProvider;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * A CIE IdP: a SPID IdP (request, shared ACS, rules, identity by fiscal number, level in {@code acr}) with CIE's
 * differences in its config ({@link CieIdentityProviderConfig}). CIE has no SAML single logout answer (CIE SAML rules,
 * "Logout": the IdP ends only its own session and never answers), so a logout ends our session locally.
 */
final class CieIdentityProvider extends SpidIdentityProvider {
    private static final Logger LOG = Logger.getLogger(CieIdentityProvider.class);

    CieIdentityProvider(KeycloakSession session, CieIdentityProviderConfig config, SpidServiceProviderConfig sp,
                        DestinationValidator destinationValidator) {
        super(session, config, sp, destinationValidator);
    }

    /** No LogoutRequest to CIE: it would never come back; Keycloak ends the user session itself. */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        LOG.debugf("CIE identity provider %s: logout ended locally (CIE answers no SAML logout)", getConfig().getAlias());
        return null;
    }

    /** The per-IdP descriptor URL serves the realm's CIE SP metadata. */
    @Override
    public Response export(UriInfo uriInfo, RealmModel realm, String format) {
        CieServiceProvider cie = CieServiceProvider.of(requireServiceProvider(realm), uriInfo.getBaseUri(), realm.getName());
        return Response.ok(CieMetadata.signedXml(session, realm, cie), MediaType.APPLICATION_XML_TYPE).build();
    }
}
