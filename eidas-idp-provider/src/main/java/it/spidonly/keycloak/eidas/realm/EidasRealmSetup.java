package it.spidonly.keycloak.eidas.realm;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.DefaultAuthenticationFlows;

import it.spidonly.keycloak.eidas.firstlogin.EidasFirstLoginFlow;

/**
 * What a realm with an eIDAS IdP gets, when the IdP is saved (created, updated or imported): the eIDAS first-login
 * flow (set on the IdP unless an admin chose another than Keycloak's default), the "eidas" claims scope and the
 * eIDAS attributes in the user profile. Never overwrites an admin's choice.
 */
public final class EidasRealmSetup {
    private EidasRealmSetup() {
    }

    public static void ensure(KeycloakSession session, RealmModel realm, IdentityProviderModel idp) {
        AuthenticationFlowModel flow = EidasFirstLoginFlow.ensure(realm);
        AuthenticationFlowModel keycloakDefault = realm.getFlowByAlias(DefaultAuthenticationFlows.FIRST_BROKER_LOGIN_FLOW);
        String chosen = idp.getFirstBrokerLoginFlowId();
        if (chosen == null || chosen.isBlank() || (keycloakDefault != null && keycloakDefault.getId().equals(chosen))) {
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
