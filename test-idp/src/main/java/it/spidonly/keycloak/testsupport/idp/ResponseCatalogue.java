package it.spidonly.keycloak.testsupport.idp;

import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.afterSigning;
import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.betweenSignatures;
import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.remove;
import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.removeAttribute;
import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.setAttribute;
import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.setText;
import static it.spidonly.keycloak.testsupport.idp.Where.assertion;
import static it.spidonly.keycloak.testsupport.idp.Where.response;
import static it.spidonly.keycloak.testsupport.idp.Where.saml;
import static it.spidonly.keycloak.testsupport.idp.Where.samlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.w3c.dom.Element;

/**
 * Every response an SP must accept or refuse, as changes to the SPID baseline with the expected outcome: one case
 * per rule (usually a few: missing, empty, wrong), XSW1–8, XSLT, SHA-1, untrusted key, alternative embedded
 * certificate, replay, unsolicited, each SPID error status signed and unsigned, the oversized and DOCTYPE messages,
 * and the special cases that must be accepted. The expected rule ids are those of the SPID provider
 * ({@code docs/spid-rules.md}).
 *
 * <p>The cases assume the request asked for SpidL2 with Comparison {@code minimum} and attribute set 0 of the
 * test realm (fiscalNumber, name, familyName, email, dateOfBirth, spidCode), and that the IdP signs with
 * {@code idpCredential}. Levels against every Comparison are in {@link #levelCases()}.
 */
public final class ResponseCatalogue {

    /** A level answered to a SpidL2 request with {@code comparison}, and whether an SP must accept it. */
    public record LevelCase(String comparison, int answeredLevel, boolean accepted) {
        @Override
        public String toString() {
            return "L2 " + comparison + ", answered L" + answeredLevel + " → " + (accepted ? "accepted" : "refused");
        }
    }

    static final String PAST = "2018-01-01T00:00:00Z";
    static final String FUTURE = "2099-01-01T00:00:00Z";
    static final String MALFORMED_TIME = "2018-09-04";
    static final String OTHER_URL = "https://elsewhere.example/acs";
    static final String OTHER_ENTITY = "https://other-idp.example";
    static final String OTHER_REQUEST = "_another-request";
    /** SPID error codes an IdP answers user anomalies with (Regole tecniche, messaggi di anomalia). */
    public static final List<String> SPID_ERROR_CODES = List.of("19", "20", "21", "22", "23", "25", "30");

    private static final String SAML = SamlDom.ASSERTION_NS;
    private static final String DS = SamlDom.DSIG_NS;

    private final List<ResponseCase> cases = new ArrayList<>();

    private ResponseCatalogue() {
    }

    /** The catalogue for an IdP signing with {@code idpCredential}. */
    public static List<ResponseCase> cases(SigningCredential idpCredential) {
        ResponseCatalogue c = new ResponseCatalogue();
        c.accepted();
        c.structure();
        c.signatures(idpCredential);
        c.requestBinding();
        c.assertionContent();
        c.subject();
        c.conditionsAndAuthn();
        c.attributes();
        c.errorStatuses();
        c.messages();
        return List.copyOf(c.cases);
    }

    /** SpidL1..3 answered to a SpidL2 request, for each Comparison (spid.md, "Levels"). */
    public static List<LevelCase> levelCases() {
        List<LevelCase> levels = new ArrayList<>();
        for (String comparison : List.of("minimum", "exact", "better", "maximum")) {
            for (int answered = 1; answered <= 3; answered++) {
                boolean accepted = switch (comparison) {
                    case "minimum" -> answered >= 2;
                    case "exact" -> answered == 2;
                    case "better" -> answered > 2;
                    default -> answered <= 2;
                };
                levels.add(new LevelCase(comparison, answered, accepted));
            }
        }
        return List.copyOf(levels);
    }

    private void accepted() {
        accept("the SPID baseline");
        accept("attributes without NameFormat", ResponseMutations.withoutAttributeNameFormat());
        accept("familyName of 255 characters", ResponseMutations.withAttributeValue("familyName", "R".repeat(255)));
        accept("IssueInstant with microseconds and no zone", response -> {
            Element root = response.getDocumentElement();
            root.setAttribute("IssueInstant", root.getAttribute("IssueInstant").replace("Z", "") + "456");
        });
        accept("Response Issuer without Format", removeAttribute(response().child(SAML, "Issuer"), "Format"));
        accept("a requested attribute not released (email)", ResponseMutations.withoutAttribute("email"));
    }

    private void structure() {
        refuse("Response ID missing", "spid.response.id", afterSigning(removeAttribute(response(), "ID")));
        refuse("Response ID empty", "spid.response.id", afterSigning(setAttribute(response(), "ID", "")));
        refuse("Response Version 1.0", "spid.response.version", setAttribute(response(), "Version", "1.0"));
        refuse("Status missing", "spid.response.status", remove(samlp("Status")));
        refuse("StatusCode missing", "spid.response.status", remove(samlp("StatusCode")));
        refuse("Success without Assertion", "spid.response.assertion", remove(assertion()));
        refuse("two Assertions", "spid.response.assertion", response -> {
            Element copy = (Element) SamlDom.assertions(response).get(0).cloneNode(true);
            copy.setAttribute("ID", RandomIds.samlId());
            response.getDocumentElement().appendChild(copy);
        });
        refuse("Assertion ID missing", "spid.assertion.id", afterSigning(removeAttribute(assertion(), "ID")));
        refuse("Assertion ID empty", "spid.assertion.id", afterSigning(setAttribute(assertion(), "ID", "")));
        refuse("Assertion Version 1.0", "spid.assertion.version", setAttribute(assertion(), "Version", "1.0"));
    }

    private void signatures(SigningCredential idpCredential) {
        refuse("Response unsigned", "spid.response.signature", afterSigning(remove(response().signature())));
        refuse("Response signature references the Assertion", "spid.response.signature", ResponseMutation.onceSigned(doc ->
                SamlDom.first(SamlDom.child(doc.getDocumentElement(), DS, "Signature"), DS, "Reference")
                        .setAttribute("URI", "#" + SamlDom.assertions(doc).get(0).getAttribute("ID"))));
        refuse("Assertion unsigned", "spid.assertion.signature", betweenSignatures(remove(assertion().signature())));
        refuse("RSA-SHA1 signatures with SHA-1 digests", "spid.signature.algorithm", ResponseMutations.signedWithSha1(idpCredential));
        refuse("XSLT transform", "spid.signature.transforms", ResponseMutations.withXsltTransform());
        refuse("changed after signing", "spid.response.signature.trusted", ResponseMutations.tamperAfterSigning());
        SigningCredential foreign = SigningCredential.generate("not the IdP");
        refuse("signed by an untrusted key (its certificate embedded)", "spid.response.signature.trusted",
                ResponseMutations.signedBy(foreign.keyPair(), foreign.certificate()));
        refuse("Assertion changed after its signature", "spid.assertion.signature.trusted",
                betweenSignatures(setText(saml("AttributeValue"), "TINIT-VLEVLE80A01H501X")));
        refuse("IdP key with an alternative embedded certificate", "spid.signature.certificate",
                ResponseMutations.withEmbeddedCertificate(foreign.certificate()));
        List<ResponseMutation> xsw = List.of(XmlSignatureWrapping.xsw1(), XmlSignatureWrapping.xsw2(), XmlSignatureWrapping.xsw3(),
                XmlSignatureWrapping.xsw4(), XmlSignatureWrapping.xsw5(), XmlSignatureWrapping.xsw6(), XmlSignatureWrapping.xsw7(),
                XmlSignatureWrapping.xsw8());
        for (int i = 0; i < xsw.size(); i++) {
            refuse("XSW" + (i + 1), "spid.response.assertion", xsw.get(i));
        }
        cases.add(new ResponseCase("replayed response", ExpectedOutcome.refused("spid.assertion.replay"),
                ResponseCase.Scenario.REPLAY, List.of(), UnaryOperator.identity()));
    }

    private void requestBinding() {
        cases.add(new ResponseCase("unsolicited (no RelayState)", ExpectedOutcome.refused("spid.response.unsolicited"),
                ResponseCase.Scenario.UNSOLICITED, List.of(), UnaryOperator.identity()));
        refuse("InResponseTo missing", "spid.response.in-response-to", removeAttribute(response(), "InResponseTo"));
        refuse("InResponseTo empty", "spid.response.in-response-to", setAttribute(response(), "InResponseTo", ""));
        refuse("InResponseTo another request", "spid.response.in-response-to", ResponseMutations.withInResponseTo(OTHER_REQUEST));
        refuse("Destination missing", "spid.response.destination", removeAttribute(response(), "Destination"));
        refuse("Destination empty", "spid.response.destination", setAttribute(response(), "Destination", ""));
        refuse("Destination another URL", "spid.response.destination", ResponseMutations.withDestination(OTHER_URL));
        refuse("Response Issuer missing", "spid.response.issuer", remove(response().child(SAML, "Issuer")));
        refuse("Response Issuer another IdP", "spid.response.issuer", setText(response().child(SAML, "Issuer"), OTHER_ENTITY));
        refuse("Response Issuer Format transient", "spid.response.issuer.format",
                setAttribute(response().child(SAML, "Issuer"), "Format", SamlUris.NAMEID_TRANSIENT));
        times("Response", response(), "spid.response");
    }

    private void assertionContent() {
        refuse("Assertion Issuer missing", "spid.assertion.issuer", remove(assertion().child(SAML, "Issuer")));
        refuse("Assertion Issuer another IdP", "spid.assertion.issuer", setText(assertion().child(SAML, "Issuer"), OTHER_ENTITY));
        refuse("Assertion Issuer Format missing", "spid.assertion.issuer.format", removeAttribute(assertion().child(SAML, "Issuer"), "Format"));
        refuse("Assertion Issuer Format transient", "spid.assertion.issuer.format",
                setAttribute(assertion().child(SAML, "Issuer"), "Format", SamlUris.NAMEID_TRANSIENT));
        times("Assertion", assertion(), "spid.assertion");
    }

    private void times(String what, Where where, String prefix) {
        refuse(what + " IssueInstant missing", prefix + ".issue-instant", removeAttribute(where, "IssueInstant"));
        refuse(what + " IssueInstant empty", prefix + ".issue-instant", setAttribute(where, "IssueInstant", ""));
        refuse(what + " IssueInstant not a date-time", prefix + ".issue-instant", setAttribute(where, "IssueInstant", MALFORMED_TIME));
        refuse(what + " IssueInstant before the request", prefix + ".issue-instant.before-request", setAttribute(where, "IssueInstant", PAST));
        refuse(what + " IssueInstant in the future", prefix + ".issue-instant.future", setAttribute(where, "IssueInstant", FUTURE));
    }

    private void subject() {
        refuse("Subject missing", "spid.assertion.subject", remove(saml("Subject")));
        refuse("NameID missing", "spid.assertion.name-id", remove(saml("NameID")));
        refuse("NameID empty", "spid.assertion.name-id", setText(saml("NameID"), ""));
        refuse("NameID Format missing", "spid.assertion.name-id.format", removeAttribute(saml("NameID"), "Format"));
        refuse("NameID Format persistent", "spid.assertion.name-id.format", setAttribute(saml("NameID"), "Format", SamlUris.NAMEID_PERSISTENT));
        refuse("NameID NameQualifier missing", "spid.assertion.name-id.name-qualifier", removeAttribute(saml("NameID"), "NameQualifier"));
        refuse("NameID NameQualifier empty", "spid.assertion.name-id.name-qualifier", setAttribute(saml("NameID"), "NameQualifier", ""));
        refuse("SubjectConfirmation missing", "spid.assertion.subject-confirmation", remove(saml("SubjectConfirmation")));
        refuse("SubjectConfirmation Method missing", "spid.assertion.subject-confirmation.method",
                removeAttribute(saml("SubjectConfirmation"), "Method"));
        refuse("SubjectConfirmation Method holder-of-key", "spid.assertion.subject-confirmation.method",
                setAttribute(saml("SubjectConfirmation"), "Method", SamlUris.CM_HOLDER_OF_KEY));
        refuse("SubjectConfirmationData missing", "spid.assertion.subject-confirmation-data", remove(saml("SubjectConfirmationData")));
        String data = "spid.assertion.subject-confirmation-data";
        refuse("Recipient missing", data + ".recipient", removeAttribute(saml("SubjectConfirmationData"), "Recipient"));
        refuse("Recipient another URL", data + ".recipient", setAttribute(saml("SubjectConfirmationData"), "Recipient", OTHER_URL));
        refuse("SubjectConfirmationData InResponseTo missing", data + ".in-response-to",
                removeAttribute(saml("SubjectConfirmationData"), "InResponseTo"));
        refuse("SubjectConfirmationData InResponseTo another request", data + ".in-response-to",
                setAttribute(saml("SubjectConfirmationData"), "InResponseTo", OTHER_REQUEST));
        refuse("SubjectConfirmationData NotOnOrAfter missing", data + ".not-on-or-after",
                removeAttribute(saml("SubjectConfirmationData"), "NotOnOrAfter"));
        refuse("SubjectConfirmationData NotOnOrAfter not a date-time", data + ".not-on-or-after",
                setAttribute(saml("SubjectConfirmationData"), "NotOnOrAfter", MALFORMED_TIME));
        refuse("SubjectConfirmationData NotOnOrAfter in the past", data + ".not-on-or-after",
                setAttribute(saml("SubjectConfirmationData"), "NotOnOrAfter", PAST));
    }

    private void conditionsAndAuthn() {
        refuse("Conditions missing", "spid.assertion.conditions", remove(saml("Conditions")));
        refuse("Conditions NotBefore missing", "spid.assertion.conditions.not-before", removeAttribute(saml("Conditions"), "NotBefore"));
        refuse("Conditions NotBefore not a date-time", "spid.assertion.conditions.not-before", setAttribute(saml("Conditions"), "NotBefore", MALFORMED_TIME));
        refuse("Conditions NotBefore in the future", "spid.assertion.conditions.not-before", setAttribute(saml("Conditions"), "NotBefore", FUTURE));
        refuse("Conditions NotOnOrAfter missing", "spid.assertion.conditions.not-on-or-after", removeAttribute(saml("Conditions"), "NotOnOrAfter"));
        refuse("Conditions NotOnOrAfter not a date-time", "spid.assertion.conditions.not-on-or-after",
                setAttribute(saml("Conditions"), "NotOnOrAfter", MALFORMED_TIME));
        refuse("Conditions NotOnOrAfter in the past", "spid.assertion.conditions.not-on-or-after", setAttribute(saml("Conditions"), "NotOnOrAfter", PAST));
        refuse("AudienceRestriction missing", "spid.assertion.audience", remove(saml("AudienceRestriction")));
        refuse("Audience empty", "spid.assertion.audience", setText(saml("Audience"), ""));
        refuse("Audience another SP", "spid.assertion.audience", ResponseMutations.withAudience("https://other-sp.example"));
        refuse("AuthnStatement missing", "spid.assertion.authn-statement", remove(saml("AuthnStatement")));
        refuse("AuthnContext missing", "spid.assertion.authn-statement", remove(saml("AuthnContext")));
        refuse("AuthnContextClassRef missing", "spid.assertion.authn-statement", remove(saml("AuthnContextClassRef")));
        refuse("AuthnContextClassRef empty", "spid.assertion.authn-statement", setText(saml("AuthnContextClassRef"), ""));
        refuse("AuthnContextClassRef urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1", "spid.assertion.authn-context",
                ResponseMutations.withAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1"));
        refuse("SpidL1 answered to SpidL2 minimum", "spid.assertion.level", ResponseMutations.withLevel(1));
    }

    private void attributes() {
        refuse("AttributeStatement without Attribute", "spid.assertion.attributes",
                response -> SamlDom.all(response, SAML, "Attribute").forEach(a -> a.getParentNode().removeChild(a)));
        refuse("Attribute without Name", "spid.assertion.attributes", removeAttribute(saml("Attribute"), "Name"));
        refuse("fiscalNumber twice", "spid.assertion.attributes", ResponseMutations.withAttribute("fiscalNumber", "TINIT-VLEVLE80A01H501X"));
        refuse("attribute set different from the requested one (address added)", "spid.assertion.attributes.requested",
                ResponseMutations.withAttribute("address", "Via dei Test 1 00100 Roma RM"));
        refuse("no fiscalNumber", "spid.assertion.attributes.fiscal-number", ResponseMutations.withoutAttribute("fiscalNumber"));
        // issue 16, N3
        refuse("fiscalNumber with two values", "spid.assertion.attributes",
                ResponseMutations.withSecondAttributeValue("fiscalNumber", "TINIT-VLEVLE80A01H501X"));
        refuse("familyName with two values", "spid.assertion.attributes",
                ResponseMutations.withSecondAttributeValue("familyName", "Impostora"));
        refuse("fiscalNumber ZZTINIT-", "spid.assertion.attributes.fiscal-number",
                ResponseMutations.withAttributeValue("fiscalNumber", "ZZTINIT-RSSMRA80A01H501U"));
        refuse("fiscalNumber without TINIT-", "spid.assertion.attributes.fiscal-number",
                ResponseMutations.withAttributeValue("fiscalNumber", "RSSMRA80A01H501U"));
        refuse("fiscalNumber with a wrong check character", "spid.assertion.attributes.fiscal-number",
                ResponseMutations.withAttributeValue("fiscalNumber", "TINIT-RSSMRA80A01H501A"));
        refuse("fiscalNumber 11 digits with a wrong check digit", "spid.assertion.attributes.fiscal-number",
                ResponseMutations.withAttributeValue("fiscalNumber", "TINIT-12345678901"));
        // what an account holds: 255 characters in its names and e-mail (a longer one failed in the database, HTTP 500)
        refuse("name of 256 characters", "spid.assertion.attributes.length", ResponseMutations.withAttributeValue("name", "N".repeat(256)));
        refuse("email of 256 characters", "spid.assertion.attributes.length",
                ResponseMutations.withAttributeValue("email", "m".repeat(244) + "@example.org"));
        refuse("dateOfBirth of 2049 characters", "spid.assertion.attributes.length",
                ResponseMutations.withAttributeValue("dateOfBirth", "1".repeat(2049)));
    }

    private void errorStatuses() {
        for (String code : SPID_ERROR_CODES) {
            idpError("ErrorCode nr" + code, "spidErrorNr" + code, ResponseMutations.statusError(code));
            idpError("ErrorCode nr" + code + " unsigned", "spidErrorNr" + code, ResponseMutations.statusError(code), ResponseMutations.unsigned());
        }
        idpError("error status without ErrorCode", "spidErrorOther", ResponseMutations.statusError("19"), remove(samlp("StatusMessage")));
        idpError("StatusCode not a SAML status", "spidErrorOther", setAttribute(samlp("StatusCode"), "Value", "urn:example:not-a-status"));
        refuse("ErrorCode nr19 changed after signing", "spid.response.signature.trusted",
                ResponseMutations.statusError("19"), ResponseMutations.tamperAfterSigning());
        refuse("ErrorCode nr19 answering another request", "spid.response.in-response-to",
                ResponseMutations.statusError("19"), ResponseMutations.withInResponseTo(OTHER_REQUEST));
        cases.add(new ResponseCase("ErrorCode nr19 unsolicited (no RelayState)", ExpectedOutcome.refused("spid.response.unsolicited"),
                ResponseCase.Scenario.UNSOLICITED, List.of(ResponseMutations.statusError("19")), UnaryOperator.identity()));
    }

    private void messages() {
        raw("DOCTYPE with entities", "spid.message.doctype", xml ->
                "<!DOCTYPE samlp:Response [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + xml);
        raw("SAMLResponse larger than 64 KiB", "spid.message.size", xml -> xml + "<!--" + "x".repeat(60_000) + "-->");
        raw("not XML", "spid.message.xml", xml -> "this is not XML");
        raw("an AuthnRequest instead of a Response", "spid.message.xml", xml ->
                "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\" "
                        + "IssueInstant=\"2026-01-01T00:00:00Z\"/>");
    }

    private void accept(String name, ResponseMutation... mutations) {
        cases.add(new ResponseCase(name, ExpectedOutcome.accepted(), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity()));
    }

    private void refuse(String name, String ruleId, ResponseMutation... mutations) {
        cases.add(new ResponseCase(name, ExpectedOutcome.refused(ruleId), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity()));
    }

    private void idpError(String name, String messageKey, ResponseMutation... mutations) {
        cases.add(new ResponseCase(name, ExpectedOutcome.idpError(messageKey), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity()));
    }

    private void raw(String name, String ruleId, UnaryOperator<String> rewrite) {
        cases.add(new ResponseCase(name, ExpectedOutcome.refused(ruleId), ResponseCase.Scenario.STANDARD, List.of(), rewrite));
    }
}
