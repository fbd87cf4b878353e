package it.spidonly.keycloak.testsupport.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A realm for the help-desk credentials: two operators ({@code operator.one}, {@code operator.two}, realm role
 * {@code helpdesk-operator}) and a user without the role, an operator client with the password grant
 * ({@code helpdesk-console}), a public OIDC app with the help-desk acr mapper, the browser flow
 * "helpdesk browser" (cookie, or help-desk form then Keycloak's OTP form), the help-desk required actions, brute-force
 * protection, events and admin events with details, SMTP on loopback. The operator client also logs in through
 * the browser (flow "operator browser", username and password) for the operators' web page. From {@code realms/helpdesk-realm-template.json}.
 */
public final class HelpdeskRealm {
    public static final String OPERATOR_ONE = "operator.one";
    public static final String OPERATOR_TWO = "operator.two";
    public static final String NOT_AN_OPERATOR = "not.an.operator";
    /** Holds the operator role but has no second factor: the API refuses it. */
    public static final String OPERATOR_WITHOUT_OTP = "operator.weak";
    /** The OTP secret of operators one and two (their authenticator app), see {@link Totp}. */
    public static final String OPERATOR_TOTP_SECRET = "operator-totp-secret-2026";
    public static final String OPERATOR_PASSWORD = "Operator-Pass-2026";
    public static final String OPERATOR_CLIENT = "helpdesk-console";
    public static final String APP = "ministry-app";
    public static final String APP_REDIRECT_URI = "http://127.0.0.1:1/callback";

    private final Map<String, String> values = new LinkedHashMap<>();

    private HelpdeskRealm(String realm) {
        values.put("REALM", realm);
        values.put("CAP", "P2Y");
        values.put("SMTP_PORT", "25");
        values.put("OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        values.put("OPERATOR_TOTP_SECRET", OPERATOR_TOTP_SECRET);
        values.put("APP", APP);
        values.put("APP_REDIRECT_URI", APP_REDIRECT_URI);
        // flow bindings of clients name flows by id: one per realm
        values.put("OPERATOR_FLOW_ID", java.util.UUID.randomUUID().toString());
    }

    public static HelpdeskRealm named(String realm) {
        return new HelpdeskRealm(realm);
    }

    /** The SMTP server on 127.0.0.1 that receives the activation e-mails. */
    public HelpdeskRealm smtpPort(int port) {
        values.put("SMTP_PORT", String.valueOf(port));
        return this;
    }

    /** The credential cap (realm attribute helpdesk.credentialMaxValidity), e.g. {@code P2Y} or {@code PT5S}. */
    public HelpdeskRealm cap(String isoPeriodOrDuration) {
        values.put("CAP", isoPeriodOrDuration);
        return this;
    }

    /** The operators' web page of {@code realm} on the server at {@code baseUrl}. */
    public static String consoleUrl(String baseUrl, String realm) {
        return baseUrl + "/realms/" + realm + "/helpdesk-console/";
    }

    public String realm() {
        return values.get("REALM");
    }

    public String toJson() {
        try (InputStream in = HelpdeskRealm.class.getResourceAsStream("/realms/helpdesk-realm-template.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                json = json.replace("${" + e.getKey() + "}", e.getValue());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
