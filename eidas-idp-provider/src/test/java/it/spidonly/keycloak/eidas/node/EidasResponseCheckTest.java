package it.spidonly.keycloak.eidas.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import it.spidonly.keycloak.eidas.claims.EidasLevel;
import it.spidonly.keycloak.eidas.node.rules.EidasResponseCheck;
import it.spidonly.keycloak.eidas.node.rules.EidasRuleContext;
import it.spidonly.keycloak.testsupport.eidasnode.EidasNodeResponseBuilder;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;

/** One valid eIDAS node Response (PSS signature, AES-GCM + RSA-OAEP encrypted assertion), then one thing broken per case. */
class EidasResponseCheckTest {
    private static final SigningCredential NODE = SigningCredential.generate("eIDAS node (test)");
    private static final SigningCredential NODE_EC = SigningCredential.generateEcP256("eIDAS node EC (test)");
    private static final SigningCredential NODE_2048 = SigningCredential.generateRsa("eIDAS node 2048 (test)", 2048);
    private static final SigningCredential SP = SigningCredential.generate("SP encryption (test)");

    private static final String NODE_ID = "https://eidas-node.es.example/EidasNode/ConnectorMetadata";
    private static final String SP_ID = "https://spid-only.example/ministero";
    private static final String ACS = "https://login.spid-only.example/realms/ministero/broker/eidas-es/endpoint";

    private static EidasNodeResponseBuilder baseline() {
        return new EidasNodeResponseBuilder(NODE_ID, SP_ID, ACS, "_request", NODE.keyPair(), NODE.certificate(), SP.certificate());
    }

    private static Optional<String> check(EidasNodeResponseBuilder response, X509Certificate... nodeCertificates) throws Exception {
        Document document = response.build();
        EidasRuleContext context = new EidasRuleContext(SP_ID, ACS, EidasLevel.SUBSTANTIAL,
                Set.of(EidasRequestedAttribute.PERSON_IDENTIFIER, EidasRequestedAttribute.FAMILY_NAME,
                        EidasRequestedAttribute.GIVEN_NAME, EidasRequestedAttribute.DATE_OF_BIRTH),
                List.of(nodeCertificates.length == 0 ? new X509Certificate[] {NODE.certificate(), NODE_EC.certificate(), NODE_2048.certificate()} : nodeCertificates),
                true);
        return EidasResponseCheck.firstFailure(document, SP.keyPair().getPrivate(), context);
    }

    @Test
    void pssSignedResponseWithAnAesGcmEncryptedAssertionIsAccepted() throws Exception {
        assertEquals(Optional.empty(), check(baseline()));
    }

    @Test
    void ecdsaP256SignatureAndRsaOaepMgf1pKeyTransportAreAccepted() throws Exception {
        assertEquals(Optional.empty(), check(baseline()
                .signedWith(NODE_EC.keyPair(), NODE_EC.certificate(), EidasAlgorithms.ECDSA_SHA256)
                .keyTransport(EidasAlgorithms.RSA_OAEP_MGF1P)));
    }

    @Test
    void aFamilyNameOf255CharactersIsAccepted() throws Exception {
        assertEquals(Optional.empty(), check(baseline().attribute(EidasRequestedAttribute.FAMILY_NAME, "F".repeat(255))));
    }

    @Test
    void higherLevelThanRequestedIsAccepted() throws Exception {
        assertEquals(Optional.empty(), check(baseline().level(EidasNodeResponseBuilder.LOA_HIGH)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("LoA low where substantial was requested", r -> r.level(EidasNodeResponseBuilder.LOA_LOW), "eidas.assertion.level"),
                refused("a required attribute missing", r -> r.without(EidasRequestedAttribute.DATE_OF_BIRTH), "eidas.assertion.required-attributes"),
                refused("a given name of 256 characters", r -> r.attribute(EidasRequestedAttribute.GIVEN_NAME, "G".repeat(256)),
                        "eidas.assertion.attributes.length"),
                refused("RSA PKCS#1 v1.5 signature", r -> r.signedWith(NODE.keyPair(), NODE.certificate(), EidasNodeResponseBuilder.RSA_SHA256),
                        "eidas.response.signature-algorithm"),
                refused("RSA-SHA1 signature", r -> r.signedWith(NODE.keyPair(), NODE.certificate(), EidasNodeResponseBuilder.RSA_SHA1),
                        "eidas.response.signature-algorithm"),
                refused("SHA-1 digest", r -> r.digest("http://www.w3.org/2000/09/xmldsig#sha1"), "eidas.response.signature-algorithm"),
                refused("RSA key below 3072 bits", r -> r.signedWith(NODE_2048.keyPair(), NODE_2048.certificate(), EidasAlgorithms.RSA_PSS_SHA256),
                        "eidas.response.signature"),
                refused("unencrypted assertion where encryption is required", EidasNodeResponseBuilder::unencrypted, "eidas.response.encrypted-assertion"),
                refused("unsigned response with an encrypted assertion", EidasNodeResponseBuilder::unsigned, "eidas.response.signed"),
                refused("wrong audience", r -> r.audience("https://other-sp.example"), "eidas.assertion.audience"),
                refused("wrong destination", r -> r.destination("https://elsewhere.example/acs"), "eidas.response.destination"),
                refused("key transport RSA PKCS#1 v1.5", r -> r.keyTransport(EidasNodeResponseBuilder.RSA_1_5), "eidas.response.decryption"),
                // issue 16: the identifier that names the account is one well-formed value
                refused("PersonIdentifier with two values", r -> r.secondValue(EidasRequestedAttribute.PERSON_IDENTIFIER, "ES/IT/99999999R"),
                        "eidas.assertion.person-identifier"),
                refused("PersonIdentifier without countries", r -> r.attribute(EidasRequestedAttribute.PERSON_IDENTIFIER, "02635542Y"),
                        "eidas.assertion.person-identifier"),
                refused("PersonIdentifier with a space", r -> r.attribute(EidasRequestedAttribute.PERSON_IDENTIFIER, "ES/IT/0263 5542Y"),
                        "eidas.assertion.person-identifier"),
                refused("PersonIdentifier of 300 characters", r -> r.attribute(EidasRequestedAttribute.PERSON_IDENTIFIER, "ES/IT/" + "9".repeat(294)),
                        "eidas.assertion.person-identifier"));
    }

    private static Arguments refused(String what, UnaryOperator<EidasNodeResponseBuilder> change, String ruleId) {
        return Arguments.of(what, change, ruleId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithTheRuleNamed(String what, UnaryOperator<EidasNodeResponseBuilder> change, String ruleId) throws Exception {
        assertEquals(Optional.of(ruleId), check(change.apply(baseline())), what);
    }

    @Test
    void signedByAKeyNotInTheNodesMetadataIsRefused() throws Exception {
        assertEquals(Optional.of("eidas.response.signature"), check(baseline(), NODE_EC.certificate()));
    }
}
