package it.spidonly.keycloak.spid.rules;

import java.util.List;

/**
 * SPID Regole tecniche, Assertion: {@code Conditions/AudienceRestriction/Audience} equal to the SP entityID. Every
 * AudienceRestriction must name the SP (SAML core 2.5.1.4: each restriction must be satisfied).
 */
public final class AudienceRule extends AssertionRule {
    public static final String ID = "spid.assertion.audience";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        List<List<String>> restrictions = assertion.conditions().map(AssertionView.Conditions::audienceRestrictions).orElse(List.of());
        return require(!restrictions.isEmpty() && restrictions.stream().allMatch(r -> r.contains(context.spEntityId())));
    }
}
