package it.spidonly.keycloak.testsupport.idp;

import static it.spidonly.keycloak.testsupport.idp.ResponseEdits.setAttribute;
import static it.spidonly.keycloak.testsupport.idp.Where.response;
import static it.spidonly.keycloak.testsupport.idp.Where.samlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@link ResponseCatalogue} as a CIE SP must see it: every SPID case, applied to the CIE baseline
 * ({@link CieResponses}), with CIE's expected outcome where CIE differs (CIE SAML rules; docs/spid-rules.md, "CIE"),
 * plus CIE's own cases: the Assertion Issuer without Format accepted, the four attributes and the date of birth, and
 * CIE's error codes (1, 21, 22, 23, 25 with a page of their own; the others, e.g. the reserved 19, 20, 24 and the
 * requester errors, the generic one). The cases assume a request for SpidL2, Comparison {@code minimum}, to the CIE SP
 * (attribute set 0: the four CIE attributes).
 */
public final class CieResponseCatalogue {
    private static final String SAML = SamlDom.ASSERTION_NS;
    /** SPID cases that do not apply to CIE's baseline (it releases no e-mail). */
    private static final Set<String> NOT_FOR_CIE = Set.of("a requested attribute not released (email)", "the SPID baseline",
            "email of 256 characters");
    /** SPID cases whose expected outcome differs for CIE. */
    private static final Map<String, ExpectedOutcome> CIE_OUTCOMES = Map.of(
            "Assertion Issuer Format missing", ExpectedOutcome.accepted(),
            "Assertion Issuer Format transient", ExpectedOutcome.refused("cie.assertion.issuer.format"));

    private CieResponseCatalogue() {
    }

    /** The CIE catalogue for an IdP signing with {@code idpCredential}. */
    public static List<ResponseCase> cases(SigningCredential idpCredential) {
        List<ResponseCase> cases = new ArrayList<>();
        cases.add(accept("the CIE baseline"));
        cases.add(accept("Response Issuer with Format entity", setAttribute(response().child(SAML, "Issuer"), "Format", SamlUris.NAMEID_ENTITY)));
        cases.add(accept("Success with StatusMessage ErrorCode nr1", response -> {
            org.w3c.dom.Element status = SamlDom.child(response.getDocumentElement(), SamlDom.PROTOCOL_NS, "Status");
            org.w3c.dom.Element message = response.createElementNS(SamlDom.PROTOCOL_NS, "samlp:StatusMessage");
            message.setTextContent("ErrorCode nr1");
            status.appendChild(message);
        }));
        for (ResponseCase c : ResponseCatalogue.cases(idpCredential)) {
            if (NOT_FOR_CIE.contains(c.name()) || c.expected().kind() == ExpectedOutcome.Kind.IDP_ERROR) {
                continue;
            }
            cases.add(new ResponseCase(c.name(), CIE_OUTCOMES.getOrDefault(c.name(), c.expected()), c.scenario(), c.mutations(), c.rewrite()));
        }
        cases.add(refuse("name missing", "cie.assertion.attributes", ResponseMutations.withoutAttribute("name")));
        cases.add(refuse("dateOfBirth missing", "cie.assertion.attributes", ResponseMutations.withoutAttribute("dateOfBirth")));
        cases.add(refuse("dateOfBirth not YYYY-MM-DD", "cie.assertion.attributes.date-of-birth",
                ResponseMutations.withAttributeValue("dateOfBirth", "01/01/1980")));
        cases.add(refuse("dateOfBirth not a calendar date", "cie.assertion.attributes.date-of-birth",
                ResponseMutations.withAttributeValue("dateOfBirth", "1980-02-30")));
        errorStatuses(cases);
        return List.copyOf(cases);
    }

    /** CIE error codes: 1, 21, 22, 23, 25 their own page; any other the generic one; signed or not. */
    private static void errorStatuses(List<ResponseCase> cases) {
        for (String code : List.of("1", "21", "22", "23", "25")) {
            cases.add(idpError("CIE ErrorCode nr" + code, "cieErrorNr" + code, ResponseMutations.statusError(code)));
            cases.add(idpError("CIE ErrorCode nr" + code + " unsigned", "cieErrorNr" + code, ResponseMutations.statusError(code),
                    ResponseMutations.unsigned()));
        }
        for (String code : List.of("2", "14", "19", "20", "24", "30")) {
            cases.add(idpError("CIE ErrorCode nr" + code + " (no page of its own)", "spidErrorOther", ResponseMutations.statusError(code)));
        }
        cases.add(idpError("error status without ErrorCode", "spidErrorOther", ResponseMutations.statusError("21"),
                ResponseEdits.remove(samlp("StatusMessage"))));
        cases.add(refuse("CIE ErrorCode nr22 changed after signing", "spid.response.signature.trusted",
                ResponseMutations.statusError("22"), ResponseMutations.tamperAfterSigning()));
    }

    private static ResponseCase accept(String name, ResponseMutation... mutations) {
        return new ResponseCase(name, ExpectedOutcome.accepted(), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity());
    }

    private static ResponseCase refuse(String name, String ruleId, ResponseMutation... mutations) {
        return new ResponseCase(name, ExpectedOutcome.refused(ruleId), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity());
    }

    private static ResponseCase idpError(String name, String messageKey, ResponseMutation... mutations) {
        return new ResponseCase(name, ExpectedOutcome.idpError(messageKey), ResponseCase.Scenario.STANDARD, List.of(mutations), UnaryOperator.identity());
    }
}
