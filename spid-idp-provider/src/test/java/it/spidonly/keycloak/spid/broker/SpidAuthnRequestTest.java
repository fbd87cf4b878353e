package it.spidonly.keycloak.spid.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.w3c.dom.Element;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;

class SpidAuthnRequestTest {
    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    @Test
    void requestFollowsTheSpidRules() throws Exception {
        Element req = xml(SpidLevel.L2, LevelComparison.MINIMUM, false);
        assertEquals("2.0", req.getAttribute("Version"));
        assertFalse(Character.isDigit(req.getAttribute("ID").charAt(0)), "ID must not start with a digit");
        assertTrue(req.getAttribute("IssueInstant").endsWith("Z"), "IssueInstant in UTC: " + req.getAttribute("IssueInstant"));
        assertEquals("https://idp.example/sso", req.getAttribute("Destination"));
        assertEquals("0", req.getAttribute("AssertionConsumerServiceIndex"));
        assertFalse(req.hasAttribute("AssertionConsumerServiceURL"));
        assertFalse(req.hasAttribute("ProtocolBinding"));
        assertEquals("1", req.getAttribute("AttributeConsumingServiceIndex"));
        assertFalse(req.hasAttribute("IsPassive"));

        Element issuer = (Element) req.getElementsByTagNameNS(SAML, "Issuer").item(0);
        assertEquals("https://sp.example/spid", issuer.getTextContent().trim());
        assertEquals("https://sp.example/spid", issuer.getAttribute("NameQualifier"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity", issuer.getAttribute("Format"));

        Element policy = (Element) req.getElementsByTagNameNS(SAMLP, "NameIDPolicy").item(0);
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", policy.getAttribute("Format"));
        assertFalse(policy.hasAttribute("AllowCreate"));

        Element context = (Element) req.getElementsByTagNameNS(SAMLP, "RequestedAuthnContext").item(0);
        assertEquals("minimum", context.getAttribute("Comparison"));
        assertEquals(1, context.getElementsByTagNameNS(SAML, "AuthnContextClassRef").getLength());
        assertEquals("https://www.spid.gov.it/SpidL2", context.getElementsByTagNameNS(SAML, "AuthnContextClassRef").item(0).getTextContent().trim());
    }

    @ParameterizedTest
    @CsvSource({"L1, false, false", "L1, true, true", "L2, false, true", "L3, false, true"})
    void forceAuthnAboveLevelOneOrWhenTheAppAsksForReauthentication(SpidLevel level, boolean reauth, boolean expected) throws Exception {
        Element req = xml(level, LevelComparison.EXACT, reauth);
        assertEquals(expected, Boolean.parseBoolean(req.getAttribute("ForceAuthn")));
    }

    private static Element xml(SpidLevel level, LevelComparison comparison, boolean reauth) throws Exception {
        return SAML2Request.convert(SpidAuthnRequest.build("https://sp.example/spid", "https://idp.example/sso", 1, level, comparison, reauth))
                .getDocumentElement();
    }
}
