package it.spidonly.keycloak.cie.sp;

import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;

/**
 * The CIE SP's URLs: its own metadata ({@code /realms/{realm}/spid/cie/metadata}); the AssertionConsumerService and
 * SingleLogoutService are the realm's shared SPID ones, where a Response is routed to its IdP by its Issuer.
 */
public record CieEndpointUrls(String metadata, String assertionConsumerService, String singleLogout) {
    public static CieEndpointUrls of(SpidEndpointUrls spid) {
        String metadata = spid.metadata().substring(0, spid.metadata().length() - "metadata".length()) + CieServiceProvider.METADATA_PATH;
        return new CieEndpointUrls(metadata, spid.assertionConsumerService(), spid.singleLogout());
    }
}
