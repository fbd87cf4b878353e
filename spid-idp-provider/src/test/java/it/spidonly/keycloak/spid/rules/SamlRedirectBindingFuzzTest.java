package it.spidonly.keycloak.spid.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.keycloak.saml.SAMLRequestParser;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 16, fuzzing: an HTTP-Redirect {@code SAMLRequest}/{@code SAMLResponse} (logout): the {@link MessageGate}
 * (base64, capped raw inflation, the streaming limits) on the input deflated as an IdP would send it and on the raw
 * bytes as a hostile one might (a broken or bombing DEFLATE stream), then Keycloak's redirect parsers behind the gate,
 * with the same cap as {@code SpidEndpoint}. Seeds: {@code SamlRedirectBindingFuzzTestInputs/}.
 */
class SamlRedirectBindingFuzzTest {
    private static final long CAP = 128 * 1024;

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"<samlp:LogoutRequest ", "<samlp:LogoutResponse ", "<saml:Issuer>", "<samlp:Extensions>",
            "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"", "<!DOCTYPE", "<!ENTITY"})
    void redirectedMessagesAreReadOrRefused(byte[] xml) {
        String deflated = Base64.getEncoder().encodeToString(deflate(xml));
        if (MessageGate.redirect(CAP, deflated).isEmpty()) {
            SamlPostBindingFuzzTest.keycloakParser(() -> SAMLRequestParser.parseRequestRedirectBinding(deflated, CAP));
            SamlPostBindingFuzzTest.keycloakParser(() -> SAMLRequestParser.parseResponseRedirectBinding(deflated, CAP));
        }
        MessageGate.redirect(CAP, Base64.getEncoder().encodeToString(xml));
    }

    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflater.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
