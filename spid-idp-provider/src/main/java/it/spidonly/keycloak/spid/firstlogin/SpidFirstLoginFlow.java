package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.models.RealmModel;

/** The bundle's first-broker-login flow for SPID IdPs, created in a realm when its SPID SP is created. */
public final class SpidFirstLoginFlow {
    public static final String ALIAS = "spid first broker login";

    private SpidFirstLoginFlow() {
    }

    public static void ensure(RealmModel realm) {
        OneStepFlow.ensure(realm, ALIAS, "SPID first login: link to the account with the same fiscal number, or create it",
                SpidFirstLoginAuthenticatorFactory.PROVIDER_ID);
    }
}
