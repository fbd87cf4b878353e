package it.spidonly.keycloak.spid.realm;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.DefaultAuthenticationFlows;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.firstlogin.SpidFirstLoginFlow;
import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * What a realm with a SPID service provider gets from the bundle, once: the SPID first-login flow (used by its
 * SPID IdPs that still have Keycloak's default one), the "spid" claims scope and the SPID levels in Keycloak's
 * ACR-to-level map. Runs when the SP is created in the console and when a realm with one is imported; it never
 * overwrites what an admin has set.
 */
public final class SpidRealmSetup {
    static final String ACR_LOA_MAP = "acr.loa.map";

    private SpidRealmSetup() {
    }

    public static void ensure(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            setUp(session, realm);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static void setUp(KeycloakSession session, RealmModel realm) {
        SpidFirstLoginFlow.ensure(realm);
        SpidClaimsScope.ensure(realm);
        if (realm.getAttribute(ACR_LOA_MAP) == null) {
            realm.setAttribute(ACR_LOA_MAP, "{\"" + SpidLevel.L1.uri() + "\":1,\"" + SpidLevel.L2.uri() + "\":2,\"" + SpidLevel.L3.uri() + "\":3}");
        }
        AuthenticationFlowModel spidFlow = realm.getFlowByAlias(SpidFirstLoginFlow.ALIAS);
        AuthenticationFlowModel defaultFlow = realm.getFlowByAlias(DefaultAuthenticationFlows.FIRST_BROKER_LOGIN_FLOW);
        session.identityProviders().getAllStream()
                .filter(idp -> SpidIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .filter(idp -> idp.getFirstBrokerLoginFlowId() == null
                        || (defaultFlow != null && defaultFlow.getId().equals(idp.getFirstBrokerLoginFlowId())))
                .forEach(idp -> {
                    IdentityProviderModel updated = new IdentityProviderModel(idp);
                    updated.setFirstBrokerLoginFlowId(spidFlow.getId());
                    session.identityProviders().update(updated);
                });
    }
}
