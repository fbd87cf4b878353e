package it.spidonly.keycloak.it.eidas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** EU/EEA citizens log in through FICEP (type eidas-ficep, SPID profile), end to end on the real Keycloak. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EidasFicepLoginIT {
    private static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    private static final String HIGH = "http://eidas.europa.eu/LoA/high";
    private EidasRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = EidasRealmFixture.create(keycloak, "eidas-ficep", "keycloak.v2");
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void set99LoginCreatesTheEidasPersonAndTheAppGetsTokensNamingHer() {
        OidcTestClient.Tokens tokens = new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.FICEP, Map.of("scope", "openid eidas"), "elena.garcia");

        ReceivedAuthnRequest request = EidasLoginDriver.lastRequest(fixture.ficepIdp);
        assertEquals(99, request.attributeConsumingServiceIndex(), "requests to FICEP carry the eIDAS minimum set");
        assertEquals("https://www.spid.gov.it/SpidL2", request.authnContextClassRef());

        var claims = tokens.idTokenClaims();
        assertEquals("es/it/02635542y", claims.getStringClaim("preferred_username"));
        assertEquals("Elena", claims.getStringClaim("given_name"));
        assertEquals("García López", claims.getStringClaim("family_name"));
        assertEquals("ES/IT/02635542Y", claims.getStringClaim("eidas_person_identifier"));
        assertEquals("ES", claims.getStringClaim("eidas_country"));
        assertEquals("1985-03-14", claims.getStringClaim("birthdate"));
        assertEquals(SUBSTANTIAL, claims.getStringClaim("acr"), "acr is the eIDAS level achieved");

        JsonNode user = user("es/it/02635542y");
        assertEquals("ES/IT/02635542Y", attribute(user, "eidasPersonIdentifier"));
        assertEquals("ES", attribute(user, "eidasCountry"));
        assertEquals("1985-03-14", attribute(user, "dateOfBirth"));
        assertNull(attribute(user, "fiscalNumber"), "FICEP sends no fiscal number");
        assertNull(attribute(user, "placeOfBirth"), "set 99 has no place of birth");
        JsonNode links = fixture.keycloak.admin().get("/" + fixture.name + "/users/" + user.path("id").asText() + "/federated-identity");
        assertEquals(1, links.size());
        assertEquals(EidasRealmFixture.FICEP, links.path(0).path("identityProvider").asText());
        assertEquals("ES/IT/02635542Y", links.path(0).path("userId").asText());
    }

    @Test
    void set100LoginAtHighStoresTheFullSetAndGreeceIsGr() {
        OidcTestClient.Tokens tokens = new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.FICEP_FULL, Map.of("scope", "openid eidas"), "nikos.papadopoulos");

        ReceivedAuthnRequest request = EidasLoginDriver.lastRequest(fixture.ficepFullIdp);
        assertEquals(100, request.attributeConsumingServiceIndex());
        assertEquals("https://www.spid.gov.it/SpidL3", request.authnContextClassRef());
        assertEquals(HIGH, tokens.idTokenClaims().getStringClaim("acr"));
        assertEquals("GR", tokens.idTokenClaims().getStringClaim("eidas_country"));

        JsonNode user = user("el/it/gr1234567890");
        assertEquals("EL/IT/GR1234567890", attribute(user, "eidasPersonIdentifier"));
        assertEquals("GR", attribute(user, "eidasCountry"));
        assertEquals("Athens", attribute(user, "placeOfBirth"));
        assertEquals("Odos Ermou 10 10563 Athens GR", attribute(user, "address"));
        assertEquals("M", attribute(user, "gender"));
        assertEquals("1979-11-02", attribute(user, "dateOfBirth"));
    }

    @Test
    void returningEidasCitizenIsTheSameUser() {
        new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.FICEP, Map.of(), "elena.garcia");
        String firstId = user("es/it/02635542y").path("id").asText();
        OidcTestClient.Tokens again = new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.FICEP, Map.of(), "elena.garcia");
        assertEquals("es/it/02635542y", again.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(firstId, user("es/it/02635542y").path("id").asText());
        assertEquals(1, fixture.keycloak.admin().get("/" + fixture.name + "/users?q=eidasPersonIdentifier:ES/IT/02635542Y").size());
    }

    @Test
    void spidAndEidasPeopleWithTheSameNameAndBirthDateNeverMerge() {
        OidcTestClient.Tokens spid = new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.SPID_IDP, Map.of(), "mario.rossi");
        OidcTestClient.Tokens eidas = new EidasLoginDriver(fixture).fullLogin(EidasRealmFixture.FICEP, Map.of(), "mario.rossi.de");

        assertNotEquals(spid.idTokenClaims().getSubject(), eidas.idTokenClaims().getSubject());
        assertEquals("rssmra80a01h501u", spid.idTokenClaims().getStringClaim("preferred_username"));
        JsonNode spidUser = user("rssmra80a01h501u");
        JsonNode eidasUser = user("de/it/c2a1e8d4-5b7f-4e0a-9c3d-1f2e3a4b5c6d");
        assertEquals("Mario", eidasUser.path("firstName").asText());
        assertEquals("Rossi", eidasUser.path("lastName").asText());
        assertEquals(spidUser.path("firstName").asText(), eidasUser.path("firstName").asText());
        assertNull(attribute(eidasUser, "fiscalNumber"));
        assertNull(attribute(spidUser, "eidasPersonIdentifier"));
        assertEquals(EidasRealmFixture.SPID_IDP, links(spidUser).path(0).path("identityProvider").asText());
        assertEquals(1, links(spidUser).size());
        assertEquals(EidasRealmFixture.FICEP, links(eidasUser).path(0).path("identityProvider").asText());
        assertEquals(1, links(eidasUser).size());
        assertEquals("https://www.spid.gov.it/SpidL2", spid.idTokenClaims().getStringClaim("acr"), "a SPID login keeps the SPID acr");
    }


    @Test
    void spMetadataCarriesSpidAndEidasSetsAndSpidIdpsStillGetSet0() {
        Page metadata = new EidasLoginDriver(fixture).browser.get(fixture.metadataUrl());
        assertEquals(200, metadata.status());
        var services = org.jsoup.Jsoup.parse(metadata.body(), "", org.jsoup.parser.Parser.xmlParser()).select("md|AttributeConsumingService");
        assertEquals(java.util.List.of("0", "1", "99", "100"), services.stream().map(e -> e.attr("index")).toList());
        assertEquals("eIDAS Natural Person Minimum Attribute Set", services.get(2).selectFirst("md|ServiceName").text());
        assertEquals(java.util.List.of("dateOfBirth", "familyName", "name", "spidCode"),
                services.get(2).select("md|RequestedAttribute").stream().map(e -> e.attr("Name")).toList());
        assertEquals(java.util.List.of("address", "dateOfBirth", "familyName", "gender", "name", "placeOfBirth", "spidCode"),
                services.get(3).select("md|RequestedAttribute").stream().map(e -> e.attr("Name")).toList());

        new EidasLoginDriver(fixture).startAtIdp(EidasRealmFixture.SPID_IDP, Map.of());
        assertEquals(0, EidasLoginDriver.lastRequest(fixture.spidIdp).attributeConsumingServiceIndex(), "SPID IdPs keep set 0");
        new EidasLoginDriver(fixture).startAtIdp(EidasRealmFixture.FICEP, Map.of());
        assertEquals(99, EidasLoginDriver.lastRequest(fixture.ficepIdp).attributeConsumingServiceIndex());
    }

    @Test
    void ficepAnswerWithoutAPersonIdentifierIsRefusedAndNobodyIsCreated() {
        EidasLoginDriver driver = new EidasLoginDriver(fixture);
        driver.startAtIdp(EidasRealmFixture.FICEP, Map.of());
        ReceivedAuthnRequest request = EidasLoginDriver.lastRequest(fixture.ficepIdp);
        Map<String, String> attributes = new LinkedHashMap<>(EidasRealmFixture.eidasUser("elena.garcia").attributes());
        attributes.put("spidCode", "TIDP0000000001");
        TestUser noIdentifier = new TestUser("elena.garcia", "password123", 2, attributes);

        Page answer = driver.postToAcs(fixture.ficepIdp.buildSamlResponse(request, noIdentifier), request.relayState());

        assertEquals(400, answer.status(), () -> answer + "\n" + answer.body());
        assertTrue(answer.body().contains("person identifier") || answer.body().contains("identificativo"), answer::body);
        assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name, "tidp0000000001"));
    }

    @Test
    void aFicepIdpWithASpidAttributeSetOrLevel1IsRefusedWhenSaved() {
        for (Map<String, String> wrong : java.util.List.of(Map.of("attributeConsumingServiceIndex", "0"), Map.of("spidLevel", "1"))) {
            Map<String, String> config = new LinkedHashMap<>(Map.of("ficepEnvironment", "qa"));
            config.putAll(wrong);
            var response = fixture.keycloak.admin().send("POST", "/" + fixture.name + "/identity-provider/instances",
                    Map.of("alias", "ficep-wrong", "providerId", "eidas-ficep", "enabled", true, "config", config));
            assertEquals(400, response.statusCode(), () -> wrong + ": " + response.body());
        }
        assertEquals(404, fixture.keycloak.admin().send("GET", "/" + fixture.name + "/identity-provider/instances/ficep-wrong", null).statusCode());
    }

    private JsonNode user(String username) {
        JsonNode user = fixture.keycloak.admin().findUserByUsername(fixture.name, username);
        assertTrue(user != null && !user.isMissingNode(), () -> "no user " + username);
        return user;
    }

    private JsonNode links(JsonNode user) {
        return fixture.keycloak.admin().get("/" + fixture.name + "/users/" + user.path("id").asText() + "/federated-identity");
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode value = user.path("attributes").path(name).path(0);
        return value.isMissingNode() ? null : value.asText();
    }
}
