package it.spidonly.keycloak.spid.rules;

/**
 * The bundle identifies a person by the {@code fiscalNumber} attribute (docs/decisions.md): an assertion without
 * one is refused here, with a clear reason, instead of failing later inside Keycloak. FICEP is exempt.
 */
public final class FiscalNumberRule extends AssertionRule {
    public static final String ID = "spid.assertion.attributes.fiscal-number";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        if (context.request().map(r -> r.attributes().isExempt()).orElse(false)) {
            return RuleResult.pass();
        }
        return require(assertion.attributes().stream().anyMatch(a -> "fiscalNumber".equals(a.name())
                && a.firstValue() != null && !a.firstValue().isBlank()));
    }
}
