package it.spidonly.keycloak.oidcfed.op;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * The OPs a trust anchor lists (OpenID Federation, "Subordinate Listing"; SPID/CIE OIDC, "Trust negotiation"):
 * {@code federation_list_endpoint} from the anchor's entity configuration, asked with {@code entity_type=openid_provider}
 * (and {@code trust_mark_type} when set). Only a hint of whom to resolve: every OP listed is then resolved and verified
 * through its own trust chain before it becomes an IdP.
 */
final class TrustAnchorList {
    static final int MAX_ENTITIES = 500;
    private static final long MAX_ANSWER = 1024 * 1024;

    private TrustAnchorList() {
    }

    static List<String> openIdProviders(KeycloakSession session, OpListSource source) throws IOException {
        String ta = source.trustAnchor();
        String configurationUrl = (ta.endsWith("/") ? ta.substring(0, ta.length() - 1) : ta) + "/.well-known/openid-federation";
        String statement = SimpleHttp.create(session).withMaxConsumedResponseSize(MAX_ANSWER).doGet(configurationUrl).asString();
        String[] parts = statement == null ? new String[0] : statement.trim().split("\\.");
        if (parts.length != 3) {
            throw new IOException("the trust anchor's entity configuration is not a JWS");
        }
        JsonNode claims = JsonSerialization.readValue(Base64.getUrlDecoder().decode(parts[1]), JsonNode.class);
        JsonNode list = claims.path("metadata").path("federation_entity").path("federation_list_endpoint");
        if (!list.isTextual()) {
            throw new IOException("the trust anchor publishes no federation_list_endpoint");
        }
        String url = list.asText() + (list.asText().contains("?") ? "&" : "?") + "entity_type=openid_provider";
        if (source.trustMarkType() != null && !source.trustMarkType().isBlank()) {
            url += "&trust_mark_type=" + URLEncoder.encode(source.trustMarkType(), StandardCharsets.UTF_8);
        }
        JsonNode ids = SimpleHttp.create(session).withMaxConsumedResponseSize(MAX_ANSWER).doGet(url).asJson();
        List<String> out = new ArrayList<>();
        if (ids != null && ids.isArray()) {
            for (JsonNode id : ids) {
                if (id.isTextual() && FederatedOpConfig.isHttpUrl(id.asText()) && out.size() < MAX_ENTITIES) {
                    out.add(id.asText());
                }
            }
        }
        return out;
    }
}
