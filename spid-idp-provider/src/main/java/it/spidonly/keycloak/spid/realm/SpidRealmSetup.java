package it.spidonly.keycloak.spid.realm;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.DefaultAuthenticationFlows;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.firstlogin.SpidFirstLoginFlow;
import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * What a realm with a SPID service provider or a SPID IdP gets from the bundle, idempotently: the SPID first-login
 * flow (used by its SPID IdPs that have none or Keycloak's default one), the "spid" claims scope, the SPID levels in
 * Keycloak's ACR-to-level map and the SPID user profile ({@link SpidUserProfile}). Runs when the SP is created or
 * saved, when a realm with one is imported, and whenever a SPID IdP is saved (console, admin REST, realm import:
 * {@link #forIdentityProvider}); it never overwrites what an admin has chosen.
 */
public final class SpidRealmSetup {
    static final String ACR_LOA_MAP = "acr.loa.map";

    private SpidRealmSetup() {
    }

    public static void ensure(KeycloakSession session, RealmModel realm) {
        inRealm(session, realm, () -> {
            setUpRealm(session, realm);
            String spidFlow = realm.getFlowByAlias(SpidFirstLoginFlow.ALIAS).getId();
            session.identityProviders().getAllStream()
                    .filter(idp -> SpidIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                    .filter(idp -> usesNoOrDefaultFlow(realm, idp))
                    .forEach(idp -> {
                        IdentityProviderModel updated = new IdentityProviderModel(idp);
                        updated.setFirstBrokerLoginFlowId(spidFlow);
                        session.identityProviders().update(updated);
                    });
        });
    }

    /**
     * The defaults of a SPID-profile IdP being saved (called from its config's {@code validate}, before Keycloak
     * stores it): the SPID first-login flow when it has none or Keycloak's default, {@code trustEmail} false when
     * missing (Keycloak unboxes it), sync mode FORCE when missing, and the realm parts above. {@code session} may be null (unit tests).
     */
    public static void forIdentityProvider(KeycloakSession session, RealmModel realm, IdentityProviderModel idp) {
        if (idp.isTrustEmail() == null) {
            idp.setTrustEmail(false);
        }
        if (idp.getConfig().get(IdentityProviderModel.SYNC_MODE) == null) {
            idp.setSyncMode(IdentityProviderSyncMode.FORCE); // SPID data is authoritative: mappers refresh it too
        }
        SpidFirstLoginFlow.ensure(realm);
        if (usesNoOrDefaultFlow(realm, idp)) {
            idp.setFirstBrokerLoginFlowId(realm.getFlowByAlias(SpidFirstLoginFlow.ALIAS).getId());
        }
        // a realm import stores IdPs before its client scopes and components: the realm parts then come after the
        // import (SpidServiceProviderPage's post-create hook), or an exported "spid" scope would be made twice
        boolean importing = realm.getClientScopesStream().findAny().isEmpty();
        if (session != null && !importing) {
            inRealm(session, realm, () -> setUpRealm(session, realm));
        }
    }

    private static boolean usesNoOrDefaultFlow(RealmModel realm, IdentityProviderModel idp) {
        String chosen = idp.getFirstBrokerLoginFlowId();
        if (chosen == null || chosen.isBlank()) {
            return true;
        }
        AuthenticationFlowModel defaultFlow = realm.getFlowByAlias(DefaultAuthenticationFlows.FIRST_BROKER_LOGIN_FLOW);
        return defaultFlow != null && defaultFlow.getId().equals(chosen);
    }

    private static void setUpRealm(KeycloakSession session, RealmModel realm) {
        SpidFirstLoginFlow.ensure(realm);
        SpidClaimsScope.ensure(realm);
        if (realm.getAttribute(ACR_LOA_MAP) == null) {
            realm.setAttribute(ACR_LOA_MAP, "{\"" + SpidLevel.L1.uri() + "\":1,\"" + SpidLevel.L2.uri() + "\":2,\"" + SpidLevel.L3.uri() + "\":3}");
        }
        SpidUserProfile.ensure(session);
    }

    private static void inRealm(KeycloakSession session, RealmModel realm, Runnable action) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            action.run();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
