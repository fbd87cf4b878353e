package it.spidonly.keycloak.spid.firstlogin;

/** "SPID: link or create by fiscal number", the one step of the bundle's first-broker-login flow. */
public class SpidFirstLoginAuthenticatorFactory extends FirstLoginStepFactory {
    public static final String PROVIDER_ID = "spid-first-login";

    public SpidFirstLoginAuthenticatorFactory() {
        super(PROVIDER_ID, "SPID: link or create by fiscal number",
                "Links a first SPID login to the account with the same fiscalNumber attribute, or creates one (username = fiscal code). Never links on e-mail or name.",
                "spid", new SpidFirstLoginAuthenticator());
    }
}
