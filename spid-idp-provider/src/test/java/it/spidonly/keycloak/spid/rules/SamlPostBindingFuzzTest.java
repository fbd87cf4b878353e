package it.spidonly.keycloak.spid.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.processing.web.util.PostBindingUtil;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 16, fuzzing: what an HTTP-POST {@code SAMLResponse} or {@code SAMLRequest} meets, in the order the endpoints
 * run it: the {@link MessageGate}, the ACS decoder ({@link ResponseMessage}), the immutable view and the whole rule
 * chain, then (for logout messages) Keycloak's typed parser behind the gate, as the SLO lookup calls it (which turns
 * its RuntimeExceptions into a refusal). Any other throwable (an Error such as StackOverflowError, or an exception
 * out of our code) is a finding. Seeds: {@code SamlPostBindingFuzzTestInputs/}.
 */
class SamlPostBindingFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"<samlp:Response ", "<samlp:LogoutRequest ", "<samlp:LogoutResponse ", "<saml:Assertion ",
            "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"", "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
            "<saml:Attribute Name=\"fiscalNumber\">", "<saml:AttributeValue>", "TINIT-", "<!DOCTYPE", "<!ENTITY", "&#", "<![CDATA["})
    void postedMessagesAreReadOrRefused(byte[] xml) {
        String base64 = Base64.getEncoder().encodeToString(xml);
        ResponseMessage message = ResponseMessage.decode(base64);
        if (message.failedRuleId().isEmpty() && message.isLoginResponse()) {
            SpidResponse response = message.view();
            RuleChain.of(response).firstFailure(response, RulesBaseline.context().build());
        }
        if (MessageGate.post(base64).isEmpty()) {
            keycloakParser(() -> SAMLRequestParser.parseRequestPostBinding(base64));
            keycloakParser(() -> SAMLRequestParser.parseResponseDocument(PostBindingUtil.base64Decode(base64)));
        }
        // the raw form field too: not base64 at all
        ResponseMessage.decode(new String(xml, StandardCharsets.ISO_8859_1));
        MessageGate.post(new String(xml, StandardCharsets.ISO_8859_1));
    }

    /** As {@code SpidIdentityProviderLookup} calls Keycloak's parser: its RuntimeExceptions are a refusal. */
    static void keycloakParser(Supplier<?> parse) {
        try {
            parse.get();
        } catch (RuntimeException refused) {
            // refused: the endpoint answers 400
        }
    }
}
