package it.spidonly.keycloak.testsupport.idp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * How the CIE IdP answers, as changes to the SPID baseline (CIE SAML rules, "Protocolli"; a real pre-production
 * response): the Response Issuer has no {@code Format} (the Assertion's keeps it, as in the manual's example), and the
 * Assertion carries always the same four attributes ({@code name}, {@code familyName}, {@code dateOfBirth},
 * {@code fiscalNumber} with {@code TINIT-}), whatever was requested. Error statuses are "ErrorCode nrNN" as in SPID,
 * with CIE's table: 1 (authentication correct), the requester errors 8-18 and the user anomalies 21, 22, 23, 25.
 */
public final class CieResponses {
    /** The attributes CIE releases, in its order. */
    public static final List<String> ATTRIBUTES = List.of("name", "familyName", "dateOfBirth", "fiscalNumber");
    /** CIE error codes of user anomalies an SP must show in plain words (21 timeout, 22 consent, 23 card, 25 cancel). */
    public static final List<String> USER_ERROR_CODES = List.of("21", "22", "23", "25");
    /** What the test IdP answers when the user's credentials cannot reach the requested level: 12, AuthnContext not available. */
    static final String LEVEL_NOT_AVAILABLE = "12";

    private CieResponses() {
    }

    /** The CIE differences from the SPID baseline Response: no Format on the Response's Issuer. */
    public static ResponseMutation baseline() {
        return response -> {
            Element issuer = SamlDom.child(response.getDocumentElement(), SamlDom.ASSERTION_NS, "Issuer");
            if (issuer != null) {
                issuer.removeAttribute("Format");
            }
        };
    }

    /** The four CIE attributes of {@code user} (those it has), in CIE's order; none for no user. */
    public static Map<String, String> attributes(TestUser user) {
        Map<String, String> released = new LinkedHashMap<>();
        if (user == null) {
            return released;
        }
        for (String name : ATTRIBUTES) {
            String value = user.attribute(name);
            if (value != null) {
                released.put(name, value);
            }
        }
        return released;
    }
}
