package it.spidonly.keycloak.eidas.node.rules;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.node.EidasAssertionDecryptor;

/**
 * Checks a parsed eIDAS Response for this SP: the {@link EidasRuleChain#beforeDecryption()} rules on the Response as
 * received, then decrypts its EncryptedAssertion with the SP's key (refused when the algorithms are not eIDAS ones or
 * decryption fails), then the {@link EidasRuleChain#afterDecryption()} rules. The document is changed in place (the
 * decrypted Assertion replaces the encrypted one).
 */
public final class EidasResponseCheck {
    public static final String DECRYPTION = "eidas.response.decryption";

    private EidasResponseCheck() {
    }

    /** The id of the first rule that fails, or empty when the response is accepted. */
    public static Optional<String> firstFailure(Document response, PrivateKey spDecryptionKey, EidasRuleContext context) {
        List<Element> encrypted = EidasResponse.children(response.getDocumentElement(), EidasResponse.SAML, "EncryptedAssertion");
        Optional<String> failed = EidasRuleChain.firstFailure(EidasRuleChain.beforeDecryption(),
                EidasResponse.of(response, encrypted.size(), false), context);
        if (failed.isPresent()) {
            return failed;
        }
        boolean decrypted = false;
        if (encrypted.size() == 1) {
            if (EidasAssertionDecryptor.decrypt(encrypted.get(0), spDecryptionKey).isEmpty()) {
                return Optional.of(DECRYPTION);
            }
            decrypted = true;
        }
        return EidasRuleChain.firstFailure(EidasRuleChain.afterDecryption(), EidasResponse.of(response, encrypted.size(), decrypted), context);
    }
}
