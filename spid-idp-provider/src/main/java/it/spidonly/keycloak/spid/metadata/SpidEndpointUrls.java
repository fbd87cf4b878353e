package it.spidonly.keycloak.spid.metadata;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;

/**
 * The SP's own URLs, one set per realm and shared by every SPID IdP:
 * {@code /realms/{realm}/spid/metadata}, {@code .../spid/acs} (AssertionConsumerService index 0, HTTP-POST)
 * and {@code .../spid/slo} (SingleLogoutService).
 */
public record SpidEndpointUrls(String metadata, String assertionConsumerService, String singleLogout) {
    public static final String RESOURCE_PATH = "spid";

    public static SpidEndpointUrls of(URI baseUri, String realmName) {
        UriBuilder realmBase = UriBuilder.fromUri(baseUri).path("realms").path(realmName).path(RESOURCE_PATH);
        return new SpidEndpointUrls(
                realmBase.clone().path("metadata").build().toString(),
                realmBase.clone().path("acs").build().toString(),
                realmBase.clone().path("slo").build().toString());
    }
}
