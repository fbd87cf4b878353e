package it.spidonly.keycloak.eidas.realm;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.DefaultAuthenticationFlows;

import it.spidonly.keycloak.eidas.firstlogin.EidasFirstLoginFlow;
import it.spidonly.keycloak.spid.firstlogin.SpidFirstLoginFlow;

/**
 * What a realm with an eIDAS IdP gets, when the IdP is saved (created, updated or imported): the eIDAS first-login
 * flow (set on the IdP when it has none, Keycloak's default or the SPID one, which would link by fiscal number), the
 * eIDAS claims scopes and the eIDAS attributes in the user profile. Never overwrites another choice of an admin.
 */
public final class EidasRealmSetup {
    private EidasRealmSetup() {
    }

    private static boolean isFlow(RealmModel realm, String alias, String flowId) {
        AuthenticationFlowModel flow = realm.getFlowByAlias(alias);
        return flow != null && flow.getId().equals(flowId);
    }

    public static void ensure(KeycloakSession session, RealmModel realm, IdentityProviderModel idp) {
        if (idp.isTrustEmail() == null) {
            idp.setTrustEmail(false); // Keycloak unboxes it: a REST payload without trustEmail must not fail logins
        }
        AuthenticationFlowModel flow = EidasFirstLoginFlow.ensure(realm);
        String chosen = idp.getFirstBrokerLoginFlowId();
        if (chosen == null || chosen.isBlank() || isFlow(realm, DefaultAuthenticationFlows.FIRST_BROKER_LOGIN_FLOW, chosen)
                || isFlow(realm, SpidFirstLoginFlow.ALIAS, chosen)) {
            idp.setFirstBrokerLoginFlowId(flow.getId());
        }
        EidasClaimsScope.ensure(realm);
        if (session != null) {
            RealmModel previous = session.getContext().getRealm();
            session.getContext().setRealm(realm);
            try {
                EidasUserProfile.ensure(session);
            } finally {
                session.getContext().setRealm(previous);
            }
        }
    }
}
