package it.spidonly.keycloak.spid.metadata;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The SP's own URLs, one set per realm and shared by every SPID IdP:
 * {@code /realms/{realm}/spid/metadata}, {@code .../spid/acs} (AssertionConsumerService index 0, HTTP-POST),
 * {@code .../spid/slo} (SingleLogoutService) and {@code .../spid/login-error} (the page of a SPID error status and
 * its ways on).
 */
public record SpidEndpointUrls(String metadata, String assertionConsumerService, String singleLogout, String loginError) {
    public static final String RESOURCE_PATH = "spid";
    public static final String LOGIN_ERROR_PATH = "login-error";

    public static SpidEndpointUrls of(URI baseUri, String realmName) {
        String base = baseUri.toString();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        String realmBase = base + "realms/" + URLEncoder.encode(realmName, StandardCharsets.UTF_8).replace("+", "%20") + "/" + RESOURCE_PATH + "/";
        return new SpidEndpointUrls(realmBase + "metadata", realmBase + "acs", realmBase + "slo", realmBase + LOGIN_ERROR_PATH);
    }
}
