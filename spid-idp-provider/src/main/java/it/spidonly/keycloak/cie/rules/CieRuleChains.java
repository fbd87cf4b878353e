package it.spidonly.keycloak.cie.rules;

import java.util.List;
import java.util.Map;

import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * The CIE chains: SPID's, in SPID's order, with CIE's differences (docs/spid-rules.md, "CIE"): the Assertion Issuer's
 * Format is optional ({@link CieAssertionIssuerFormatRule} in place of SPID's) and, before the assertion is marked as
 * used, the four CIE attributes ({@link CieAttributesRule}) and the date of birth ({@link CieDateOfBirthRule}). Error
 * statuses run SPID's error-status chain. Immutable and stateless, like SPID's.
 */
public final class CieRuleChains {
    private static final RuleChain LOGIN = RuleChain.login().extendedWith(
            Map.of(CieAssertionIssuerFormatRule.REPLACES, new CieAssertionIssuerFormatRule()),
            List.of(new CieAttributesRule(), new CieDateOfBirthRule()));

    private CieRuleChains() {
    }

    public static RuleChain login() {
        return LOGIN;
    }

    public static RuleChain of(SpidResponse response) {
        return response.isSuccess() ? LOGIN : RuleChain.errorStatus();
    }
}
