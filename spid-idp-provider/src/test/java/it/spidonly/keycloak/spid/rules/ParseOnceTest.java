package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;

/**
 * Issue 19: the message is decoded and parsed once, the rules read and verify its own DOM in place (no copy), and
 * Keycloak's typed reading streams the bytes that DOM was parsed from (never a serialisation of the DOM); behaviour is unchanged (the rule tests and
 * {@link SignatureWrappingTest} run on the same path).
 */
class ParseOnceTest {

    @Test
    void theRulesLeaveTheParsedDocumentAsItWasParsed() throws Exception {
        ResponseMessage message = ResponseMessage.decode(RulesBaseline.base64(List.of()));
        String before = DocumentUtil.getDocumentAsString(message.document());

        assertEquals(Optional.empty(), RuleChain.login().firstFailure(message.view(), RulesBaseline.context().build()));

        assertEquals(before, DocumentUtil.getDocumentAsString(message.document()), "verification in place changes nothing");
        NodeList all = message.document().getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertFalse(((org.w3c.dom.Attr) attributes.item(a)).isId(),
                        "no DOM ID is registered on the message: the reference resolves through the validation context only");
            }
        }
    }

    @Test
    void keycloaksTypedReadingIsBuiltFromTheBytesOfTheSameDocument() throws Exception {
        ResponseMessage message = ResponseMessage.decode(RulesBaseline.base64(List.of()));
        Object typed = SAMLParser.getInstance().parse(message.xml());

        ResponseType response = (ResponseType) typed;
        assertEquals(message.view().header().id(), response.getID());
        assertEquals(message.view().assertion().orElseThrow().header().id(), response.getAssertions().get(0).getAssertion().getID());
    }

    @Test
    void aSignatureChangedAfterParsingIsStillRefused() {
        ResponseMessage message = ResponseMessage.decode(RulesBaseline.base64(List.of()));
        Element root = message.document().getDocumentElement();
        // the Response's Destination is covered by its signature: change it in the parsed DOM before the rules run
        root.setAttribute("Destination", RulesBaseline.ACS + "/elsewhere");
        SpidResponse view = SpidResponse.of(message.document());

        assertFalse(view.signature().verifiesWith(RulesBaseline.context().build().idpKeys()));
        assertTrue(view.assertion().orElseThrow().signature().verifiesWith(RulesBaseline.context().build().idpKeys()),
                "the Assertion's own signature is untouched");
    }

    @Test
    void verifyingInPlaceTwiceGivesTheSameAnswerAndAnotherKeyIsRefused() {
        SpidResponse view = ResponseMessage.decode(RulesBaseline.base64(List.of())).view();
        List<java.security.PublicKey> keys = RulesBaseline.context().build().idpKeys();
        assertTrue(view.signature().verifiesWith(keys));
        assertTrue(view.signature().verifiesWith(keys));
        List<java.security.PublicKey> stranger = List.of(SigningCredential.generate("stranger", 2048).certificate().getPublicKey());
        assertFalse(view.signature().verifiesWith(stranger), "a key that did not sign is refused on the same DOM");
    }
}
