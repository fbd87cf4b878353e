package it.spidonly.keycloak.bench.load;

/**
 * One identity provider of the benchmark realm that the driver logs in through.
 *
 * @param label   short name in the report ({@code spid}, {@code stock})
 * @param alias   the Keycloak IdP alias ({@code kc_idp_hint})
 * @param acsUrl  where the IdP posts its Response when the AuthnRequest names no AssertionConsumerServiceURL
 *                (SPID: the shared {@code /spid/acs}, chosen by AssertionConsumerServiceIndex 0)
 * @param eidas   true for the FICEP IdP (eIDAS through the SPID profile): the IdP answers as FICEP, with its own
 *                entityID and the eIDAS minimum attribute set (99) instead of SPID's set 0
 */
public record Target(String label, String alias, String acsUrl, boolean eidas) {
    public Target(String label, String alias, String acsUrl) {
        this(label, alias, acsUrl, false);
    }
}
