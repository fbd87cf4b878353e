package it.spidonly.keycloak.oidcfed.login;

import java.io.IOException;
import java.util.Map;

import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/** {@link OpHttp} through Keycloak's HTTP client (its truststore, proxy and timeouts), answers capped in size. */
public final class KeycloakOpHttp implements OpHttp {
    private static final long MAX_ANSWER = 512 * 1024;
    private final KeycloakSession session;

    public KeycloakOpHttp(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Answer postForm(String url, Map<String, String> form) throws IOException {
        SimpleHttpRequest request = SimpleHttp.create(session).withMaxConsumedResponseSize(MAX_ANSWER).doPost(url)
                .header("Accept", "application/json");
        form.forEach(request::param);
        return answer(request);
    }

    @Override
    public Answer getWithBearer(String url, String accessToken) throws IOException {
        return answer(SimpleHttp.create(session).withMaxConsumedResponseSize(MAX_ANSWER).doGet(url).auth(accessToken));
    }

    private static Answer answer(SimpleHttpRequest request) throws IOException {
        try (SimpleHttpResponse response = request.asResponse()) {
            String type = response.getFirstHeader("Content-Type");
            return new Answer(response.getStatus(), type, response.asString());
        }
    }
}
