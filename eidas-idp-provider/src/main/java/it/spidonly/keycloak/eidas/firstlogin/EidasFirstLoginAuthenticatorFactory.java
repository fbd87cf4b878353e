package it.spidonly.keycloak.eidas.firstlogin;

import it.spidonly.keycloak.spid.firstlogin.FirstLoginStepFactory;

/** "eIDAS: link or create by person identifier", the one step of the eIDAS first-broker-login flow. */
public class EidasFirstLoginAuthenticatorFactory extends FirstLoginStepFactory {
    public static final String PROVIDER_ID = "eidas-first-login";

    public EidasFirstLoginAuthenticatorFactory() {
        super(PROVIDER_ID, "eIDAS: link or create by person identifier",
                "Links a first eIDAS login to the account with the same eidasPersonIdentifier, or creates one. Never links on fiscal number, e-mail or name.",
                "eidas", new EidasFirstLoginAuthenticator());
    }
}
