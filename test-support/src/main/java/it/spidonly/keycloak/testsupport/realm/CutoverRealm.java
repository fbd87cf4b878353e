package it.spidonly.keycloak.testsupport.realm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ministry realm of {@link SpidRealm} as it was before and around the SPID-only cutover: its cutover settings
 * ({@code spid-cutover}), a browser flow whose login page also offers username/password and the INPS PIN, the
 * password grant for two legacy apps (password; INPS PIN, whose flow override a test sets after import, since
 * overrides name flows by id). Linking by fiscal number is the bundle's own first-login flow, which the SPID IdP gets
 * on import as it would from the console or the admin REST API.
 * The additions live in {@code realms/cutover-realm-additions.json}; arrays are appended to the SPID realm's.
 */
public final class CutoverRealm {
    public static final String BROWSER_FLOW = "spid-only browser";
    public static final String INPS_DIRECT_GRANT_FLOW = "inps pin direct grant";
    /** The bundle's own first-login flow, which every SPID IdP gets when saved (no template wiring). */
    public static final String FIRST_LOGIN_FLOW = "spid first broker login";
    public static final String PASSWORD_GRANT_APP = "legacy-password-app";
    public static final String INPS_GRANT_APP = "legacy-inps-app";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpidRealm spid;
    private final Map<String, String> values = new LinkedHashMap<>();

    private CutoverRealm(SpidRealm spid) {
        this.spid = spid;
        values.put("CUTOVER_ENABLED", "true");
        values.put("CUTOVER_AT", "2020-11-15T00:00");
        values.put("CUTOVER_ZONE", "Europe/Rome");
        values.put("INPS_ENDPOINT", "http://127.0.0.1:1/pin/verify");
        values.put("INPS_API_KEY", "");
    }

    public static CutoverRealm of(SpidRealm spid) {
        return new CutoverRealm(spid);
    }

    /** The cutover's switch, local date and time ({@code yyyy-MM-ddTHH:mm}) and time zone. */
    public CutoverRealm cutover(boolean enabled, String localDateTime, String timeZone) {
        values.put("CUTOVER_ENABLED", String.valueOf(enabled));
        values.put("CUTOVER_AT", localDateTime);
        values.put("CUTOVER_ZONE", timeZone);
        return this;
    }

    public CutoverRealm inps(String endpoint, String apiKey) {
        values.put("INPS_ENDPOINT", endpoint);
        values.put("INPS_API_KEY", apiKey == null ? "" : apiKey);
        return this;
    }

    public String realm() {
        return spid.realm();
    }

    public String toJson() {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(spid.toJson());
            merge(realm, (ObjectNode) JSON.readTree(additions()));
            // Keycloak's own theme draws the legacy form even after the cutover: the ITs show the server refuses
            // the credentials whatever a theme displays (the spid-only theme hides the form, see themes/README.md)
            realm.put("loginTheme", "keycloak.v2");
            return JSON.writeValueAsString(realm);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bad realm JSON", e);
        }
    }

    private String additions() {
        try (InputStream in = CutoverRealm.class.getResourceAsStream("/realms/cutover-realm-additions.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                json = json.replace("${" + e.getKey() + "}", e.getValue());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects merge field by field, arrays are appended, anything else is replaced. */
    private static void merge(ObjectNode target, ObjectNode addition) {
        for (Iterator<Map.Entry<String, JsonNode>> it = addition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode more) {
                merge(object, more);
            } else if (existing instanceof ArrayNode array && field.getValue() instanceof ArrayNode more) {
                array.addAll(more);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
