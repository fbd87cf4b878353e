package it.spidonly.keycloak.bench.load;

/**
 * One identity provider of the benchmark realm that the driver logs in through.
 *
 * @param label   short name in the report ({@code spid}, {@code stock}, {@code ficep}, {@code cie})
 * @param alias   the Keycloak IdP alias ({@code kc_idp_hint})
 * @param acsUrl  where the IdP posts its Response when the AuthnRequest names no AssertionConsumerServiceURL
 *                (SPID, FICEP and CIE: the shared {@code /spid/acs}, chosen by AssertionConsumerServiceIndex)
 * @param answer  how the IdP answers: as a SPID IdP (also what the stock broker gets), as FICEP or as CIE
 */
public record Target(String label, String alias, String acsUrl, Answer answer) {
    /** The kind of Response {@link IdpPlayer} builds for a target. */
    public enum Answer {
        /** A SPID Response, attribute set 0: also valid SAML 2.0 Web SSO for Keycloak's stock broker. */
        SPID,
        /** FICEP (eIDAS through the SPID profile): its own entityID and the eIDAS minimum attribute set (99). */
        FICEP,
        /** CIE: its own entityID, no Format on the Response's Issuer, CIE's four attributes. */
        CIE
    }

    public Target(String label, String alias, String acsUrl) {
        this(label, alias, acsUrl, Answer.SPID);
    }
}
