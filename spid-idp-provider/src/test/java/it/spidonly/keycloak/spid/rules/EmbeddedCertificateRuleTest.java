package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;

/**
 * The certificate in a signature's KeyInfo must be one of the IdP's metadata certificates, compared by its DER bytes
 * (issue 19: no parse of the message's certificate). Real IdPs wrap the base64 in lines; that is the same certificate.
 */
class EmbeddedCertificateRuleTest {

    @Test
    void theIdpsOwnCertificateInLinesOf64Passes() throws CertificateEncodingException {
        String wrapped = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(RulesBaseline.IDP_KEY.certificate().getEncoded());
        assertEquals(Optional.empty(), firstFailure(ResponseMutations.withEmbeddedCertificateText("\n" + wrapped + "\n")));
    }

    @Test
    void theIdpsCertificateFollowedByMoreBytesIsRefused() throws CertificateEncodingException {
        byte[] der = RulesBaseline.IDP_KEY.certificate().getEncoded();
        byte[] longer = Arrays.copyOf(der, der.length + 3);
        assertEquals(Optional.of(EmbeddedCertificateRule.ID),
                firstFailure(ResponseMutations.withEmbeddedCertificateText(Base64.getEncoder().encodeToString(longer))));
    }

    @Test
    void anotherCertificateIsRefused() {
        SigningCredential other = SigningCredential.generate("another IdP", 2048);
        assertEquals(Optional.of(EmbeddedCertificateRule.ID), firstFailure(ResponseMutations.withEmbeddedCertificate(other.certificate())));
    }

    @Test
    void textThatIsNotBase64IsRefused() {
        // JSR 105 cannot read such a KeyInfo: the signature check refuses it before the certificate rule
        assertTrue(firstFailure(ResponseMutations.withEmbeddedCertificateText("not*base64!")).isPresent());
    }

    private static Optional<String> firstFailure(ResponseMutation mutation) {
        return RuleChain.login().firstFailure(RulesBaseline.response(mutation), RulesBaseline.context().build());
    }
}
