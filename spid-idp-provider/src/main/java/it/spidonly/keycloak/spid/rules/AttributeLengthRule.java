package it.spidonly.keycloak.spid.rules;

import it.spidonly.keycloak.spid.attributes.AccountLimits;

/**
 * Every attribute value fits the account it will be written to ({@link AccountLimits}: 255 characters for the names
 * and the e-mail, 2048 for the rest). SPID sets no length, but a longer value cannot be stored: refused here, with a
 * reason, rather than by the database when the account is written.
 */
public final class AttributeLengthRule extends AssertionRule {
    public static final String ID = "spid.assertion.attributes.length";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.attributes().stream().allMatch(a -> AccountLimits.fits(a.name(), a.firstValue())));
    }
}
