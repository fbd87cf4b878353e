package it.spidonly.keycloak.cutover.inps;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.http.client.config.RequestConfig;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * The INPS verification call over Keycloak's own HTTP client (its truststore and proxy settings apply):
 * {@code POST} a JSON object with the fiscal code and the PIN, read the verdict (docs/inps-pin.md).
 * The PIN is only ever in the request body: it is not logged, not kept, not in any exception message.
 */
final class HttpInpsPinVerifier implements InpsPinVerifier {
    private static final Logger LOG = Logger.getLogger(HttpInpsPinVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final URI endpoint;
    private final InpsPinConfig config;

    HttpInpsPinVerifier(KeycloakSession session, URI endpoint, InpsPinConfig config) {
        this.session = session;
        this.endpoint = endpoint;
        this.config = config;
    }

    @Override
    public InpsVerdict verify(String fiscalCode, String pin) {
        int timeout = (int) config.timeout().toMillis();
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(timeout).setConnectionRequestTimeout(timeout)
                .setSocketTimeout(timeout).build();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("fiscalCode", fiscalCode);
        body.put("pin", pin);
        SimpleHttpRequest request = SimpleHttp.create(session).withRequestConfig(timeouts)
                .doPost(endpoint.toString()).json(body).acceptJson();
        config.apiKey().ifPresent(request::auth);
        InpsVerdict verdict;
        try (SimpleHttpResponse response = request.asResponse()) {
            verdict = InpsAnswer.read(response.getStatus(), parse(response.asString()), fiscalCode);
        } catch (IOException | RuntimeException e) {
            verdict = new InpsVerdict.Unavailable(e.getClass().getSimpleName());
        }
        if (verdict instanceof InpsVerdict.Unavailable unavailable) {
            LOG.warnf("INPS PIN verification at %s unavailable for %s: %s", endpoint, SpidAttributeValues.mask(fiscalCode), unavailable.reason());
        }
        return verdict;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
