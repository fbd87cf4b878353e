package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's strongest credentials decide the answer: the level asked, or SPID ErrorCode nr20. */
class SpidLevelRuleTest {

    private static FakeServiceProvider sp;
    private static SpidTestIdp idp;

    @BeforeAll
    static void start() {
        sp = new FakeServiceProvider(false);
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(sp.metadataUrl()).build());
    }

    @AfterAll
    static void stop() {
        idp.close();
        sp.close();
    }

    @ParameterizedTest(name = "asks L{0} {1}, user reaches L{2} -> {3}")
    @CsvSource({
        "1, minimum, 1, SpidL1",
        "2, minimum, 2, SpidL2",
        "2, minimum, 3, SpidL2",
        "2, minimum, 1, nr20",
        "3, exact, 2, nr20",
        "3, exact, 3, SpidL3",
        "2, better, 3, SpidL3",
        "2, better, 2, nr20",
        "3, better, 3, nr20",
        "2, maximum, 1, SpidL1",
        "3, maximum, 2, SpidL2",
    })
    void answersTheLevelOrErrorCode20(int asked, String comparison, int userLevel, String expected) throws Exception {
        TestAuthnRequest authnRequest = new TestAuthnRequest(idp.ssoUrl()).level(asked, comparison);
        idp.clearReceivedRequests();
        IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", TestAuthnRequest.postEncoded(authnRequest.signed(sp.credential()))));
        TestUser user = new TestUser("u", "p", userLevel, Map.of("fiscalNumber", "TINIT-RSSMRA80A01H501U"));

        DecodedResponse response = DecodedResponse.of(idp.buildSamlResponse(idp.receivedRequests().get(0), user));

        if (expected.equals("nr20")) {
            assertNull(response.assertion());
            assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Responder",
                    "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"), response.statusCodes());
            assertEquals("ErrorCode nr20", response.statusMessage());
        } else {
            assertEquals("https://www.spid.gov.it/" + expected, response.assertionText("AuthnContextClassRef"));
        }
    }
}
