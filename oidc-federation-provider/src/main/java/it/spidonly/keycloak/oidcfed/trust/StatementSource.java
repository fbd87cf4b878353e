package it.spidonly.keycloak.oidcfed.trust;

/** Where the chain validator gets statements from: the web through Keycloak's HTTP client, or a test's map. */
public interface StatementSource {
    /** The body of a GET of {@code url} (at most {@code maxChars} characters), as text. */
    String get(String url, String accept) throws TrustChainException;

    static String entityConfigurationUrl(String entityId) {
        return entityId + (entityId.endsWith("/") ? "" : "/") + ".well-known/openid-federation";
    }

    static String fetchUrl(String fetchEndpoint, String sub) {
        return fetchEndpoint + (fetchEndpoint.contains("?") ? "&" : "?") + "sub="
                + java.net.URLEncoder.encode(sub, java.nio.charset.StandardCharsets.UTF_8);
    }
}
