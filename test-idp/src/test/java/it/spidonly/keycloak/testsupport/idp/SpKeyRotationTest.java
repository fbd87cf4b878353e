package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SP renews its certificate: the IdP fetches the SP metadata again instead of refusing the new signatures. */
class SpKeyRotationTest {

    @Test
    void requestSignedWithARotatedKeyVerifiesAfterRefetch() throws Exception {
        try (FakeServiceProvider sp = new FakeServiceProvider(true);
                SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(sp.metadataUrl()).build())) {
            IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest",
                    TestAuthnRequest.postEncoded(new TestAuthnRequest(idp.ssoUrl()).signed(sp.credential()))));
            sp.rotateKey();

            int status = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest",
                    TestAuthnRequest.postEncoded(new TestAuthnRequest(idp.ssoUrl()).signed(sp.credential())))).statusCode();

            assertEquals(200, status);
            assertTrue(idp.receivedRequests().stream().allMatch(ReceivedAuthnRequest::signatureValid));
            assertEquals(2, sp.metadataFetches());
        }
    }
}
