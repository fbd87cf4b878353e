package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 16, F3: a SAML message nested thousands of levels deep, or with thousands of elements, at every SPID and eIDAS
 * endpoint and binding (the shared ACS, the shared SingleLogoutService over POST and Redirect, a SPID IdP's broker
 * endpoint, an eIDAS node's broker endpoint), without logging in. Each answer: 400 with Keycloak's error page naming
 * the limit, an event whose reason is the rule id, one WARN line of ours naming the rule, no ERROR and no stack trace
 * in the server log. The eIDAS node is added through the admin REST API, as docs/eidas.md tells an admin.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileXmlIT {
    private static final String EIDAS_NODE = "eidas-node-hostile";
    private static final String DEPTH = "spid.message.depth";
    private static final String ELEMENTS = "spid.message.elements";

    private SpidRealmFixture fixture;

    /** Where a message goes, how it is sent, and whether it is a SAMLRequest (a logout request) or a SAMLResponse. */
    enum Target {
        ACS_POST_RESPONSE, SLO_POST_REQUEST, SLO_POST_RESPONSE, SLO_REDIRECT_REQUEST, SLO_REDIRECT_RESPONSE,
        BROKER_POST_RESPONSE, BROKER_POST_REQUEST, BROKER_REDIRECT_REQUEST, BROKER_REDIRECT_RESPONSE,
        EIDAS_POST_RESPONSE, EIDAS_POST_REQUEST, EIDAS_REDIRECT_REQUEST;

        boolean redirect() {
            return name().contains("REDIRECT");
        }

        boolean request() {
            return name().endsWith("REQUEST");
        }
    }

    record Case(Target target, String shape) {
        @Override
        public String toString() {
            return shape + " at " + target;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Target target : Target.values()) {
            cases.add(new Case(target, "deep"));
            cases.add(new Case(target, "wide"));
        }
        return cases;
    }

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "hostile-xml", true);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idpEntityId", "https://eidas-node.es.example/EidasNode/ConnectorMetadata");
        config.put("singleSignOnServiceUrl", "http://127.0.0.1:1/EidasNode/ServiceProvider");
        config.put("signingCertificate", fixture.idp.signingCertificateBase64());
        config.put("eidasLevel", "substantial");
        keycloak.admin().create("/" + fixture.name() + "/identity-provider/instances", Map.of("alias", EIDAS_NODE,
                "displayName", "Spain (eIDAS node)", "providerId", "eidas-node", "enabled", true, "config", config));
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithAPageAnEventAndOneWarning(Case c) throws Exception {
        String rule = c.shape().equals("deep") ? DEPTH : ELEMENTS;
        String xml = message(c.target().request(), c.shape().equals("deep"));
        long logBefore = Files.size(fixture.keycloak.logFile());
        long since = System.currentTimeMillis() - 1000;

        Page answer = send(c.target(), xml);

        assertEquals(400, answer.status(), () -> c + ": " + answer + "\n" + answer.body());
        String page = answer.body();
        assertTrue(page.contains(c.shape().equals("deep") ? "nested too deeply" : "too many XML elements")
                || page.contains(c.shape().equals("deep") ? "troppi livelli annidati" : "troppi elementi XML"), () -> c + ": " + page);
        assertNotNull(event(c.target().request() ? "LOGOUT_ERROR" : "LOGIN_ERROR", rule, since), () -> c + ": no event naming " + rule);
        List<String> log = newLogLines(logBefore);
        List<String> ours = log.stream().filter(l -> l.contains(" WARN ") && l.contains("it.spidonly") && l.contains(rule)).toList();
        assertEquals(1, ours.size(), () -> c + ": WARN lines of ours naming " + rule + ":\n" + String.join("\n", log));
        assertTrue(log.stream().noneMatch(l -> l.contains(" ERROR ") || l.startsWith("\tat ") || l.contains("StackOverflowError")
                || l.contains("Exception")), () -> c + ": the log shows an error:\n" + String.join("\n", log));
    }

    /** A SPID-looking message whose Issuer is the realm's test IdP, made deep or wide inside its Extensions. */
    private String message(boolean request, boolean deep) {
        String root = request ? "LogoutRequest" : "Response";
        String filler = deep ? "<x>".repeat(3000) + "</x>".repeat(3000) : "<x/>".repeat(5000);
        return "<samlp:" + root + " xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_hostile\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\" Destination=\"" + fixture.realmUrl() + "/spid/acs\">"
                + "<saml:Issuer>" + fixture.idp.entityId() + "</saml:Issuer>"
                + "<samlp:Extensions>" + filler + "</samlp:Extensions>"
                + (request ? "<saml:NameID>x</saml:NameID>" : "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>")
                + "</samlp:" + root + ">";
    }

    private Page send(Target target, String xml) throws IOException {
        String url = switch (target) {
            case ACS_POST_RESPONSE -> fixture.acsUrl();
            case SLO_POST_REQUEST, SLO_POST_RESPONSE, SLO_REDIRECT_REQUEST, SLO_REDIRECT_RESPONSE -> fixture.realmUrl() + "/spid/slo";
            case BROKER_POST_RESPONSE, BROKER_POST_REQUEST, BROKER_REDIRECT_REQUEST, BROKER_REDIRECT_RESPONSE ->
                    fixture.realmUrl() + "/broker/" + SpidRealmFixture.IDP_ALIAS + "/endpoint";
            case EIDAS_POST_RESPONSE, EIDAS_POST_REQUEST, EIDAS_REDIRECT_REQUEST -> fixture.realmUrl() + "/broker/" + EIDAS_NODE + "/endpoint";
        };
        String parameter = target.request() ? "SAMLRequest" : "SAMLResponse";
        HttpBrowser browser = new HttpBrowser();
        if (target.redirect()) {
            return browser.get(url + "?" + parameter + "=" + URLEncoder.encode(deflated(xml), StandardCharsets.UTF_8)
                    + "&RelayState=x");
        }
        return browser.postForm(url, Map.of(parameter, Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)),
                "RelayState", "x"));
    }

    private static String deflated(String xml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private JsonNode event(String type, String reason, long since) {
        for (JsonNode event : fixture.keycloak.admin().get("/" + fixture.name() + "/events?type=" + type + "&max=200")) {
            if (event.path("time").asLong() >= since && reason.equals(event.path("details").path("reason").asText())) {
                return event;
            }
        }
        return null;
    }

    /** The server log written since {@code offset}, after the server had a moment to flush. */
    private List<String> newLogLines(long offset) throws IOException, InterruptedException {
        Thread.sleep(300);
        byte[] all = Files.readAllBytes(fixture.keycloak.logFile());
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
        return text.lines().toList();
    }
}
