package it.spidonly.keycloak.cie.rules;

import it.spidonly.keycloak.spid.rules.IssuerFormatRule;
import it.spidonly.keycloak.spid.rules.Part;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.RuleResult;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * CIE: the Assertion's Issuer may come without {@code Format} (a real pre-production response had none; spid-sp-test
 * skips its cases 70 and 71 for CIE); when present it must be {@code nameid-format:entity}. Replaces SPID's
 * {@code spid.assertion.issuer.format}, which requires it.
 */
public final class CieAssertionIssuerFormatRule implements Rule {
    public static final String ID = "cie.assertion.issuer.format";
    static final String REPLACES = Part.ASSERTION.ruleId("issuer.format");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(Part.ASSERTION.header(response).flatMap(SpidResponse.Header::issuer)
                .map(issuer -> issuer.format() == null || IssuerFormatRule.ENTITY.equals(issuer.format())).orElse(false));
    }
}
