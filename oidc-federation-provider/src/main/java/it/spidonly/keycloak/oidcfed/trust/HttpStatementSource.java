package it.spidonly.keycloak.oidcfed.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Statements from the web through Keycloak's {@link HttpClientProvider} (its TLS trust, proxies and pool), with our
 * own limits: connect and read timeouts, no redirects, and at most {@link #MAX_BYTES} bytes read from any answer.
 */
final class HttpStatementSource implements StatementSource {
    static final int MAX_BYTES = 256 * 1024;
    private static final RequestConfig LIMITS = RequestConfig.custom().setConnectTimeout(5_000).setConnectionRequestTimeout(5_000)
            .setSocketTimeout(10_000).setRedirectsEnabled(false).build();

    private final KeycloakSession session;

    HttpStatementSource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String get(String url, String accept) throws TrustChainException {
        HttpGet get;
        try {
            get = new HttpGet(url);
        } catch (IllegalArgumentException e) {
            throw ChainCheck.fail(ChainCheck.FETCH, "not a URL: " + url);
        }
        get.setConfig(LIMITS);
        get.setHeader("Accept", accept);
        try (CloseableHttpResponse response = session.getProvider(HttpClientProvider.class).getHttpClient().execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            HttpEntity entity = response.getEntity();
            if (status != 200 || entity == null) {
                throw ChainCheck.fail(ChainCheck.FETCH, url + " answered " + status);
            }
            try (InputStream in = entity.getContent()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw ChainCheck.fail(ChainCheck.SIZE, url + " answered more than " + MAX_BYTES + " bytes");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw ChainCheck.fail(ChainCheck.FETCH, url + " could not be read: " + e.getClass().getSimpleName());
        }
    }
}
