package it.spidonly.keycloak.eidas.firstlogin;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.spid.firstlogin.OneStepFlow;

/** The first-broker-login flow of eIDAS IdPs: one step, {@link EidasFirstLoginAuthenticatorFactory}. */
public final class EidasFirstLoginFlow {
    public static final String ALIAS = "eidas first broker login";

    private EidasFirstLoginFlow() {
    }

    /** The realm's eIDAS first-login flow, created when missing. */
    public static AuthenticationFlowModel ensure(RealmModel realm) {
        return OneStepFlow.ensure(realm, ALIAS,
                "eIDAS first login: the account with the same eIDAS person identifier, or a new one; never a SPID account",
                EidasFirstLoginAuthenticatorFactory.PROVIDER_ID);
    }
}
