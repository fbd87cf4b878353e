package it.spidonly.keycloak.spid.rules;

import java.util.Set;

/**
 * The attribute set is the one requested (the check AgID's tools call "nr103"): every attribute released must be
 * one the AttributeConsumingService of the request asked for. A requested attribute the IdP does not release (a
 * citizen without a digital address, say) is tolerated; attributes nobody asked for are not. FICEP is exempt.
 */
public final class RequestedAttributesRule extends AssertionRule {
    public static final String ID = "spid.assertion.attributes.requested";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        Set<String> requested = context.request().flatMap(r -> r.attributes().names()).orElse(null);
        if (requested == null) {
            return require(context.request().isPresent());
        }
        return require(assertion.attributes().stream().allMatch(a -> requested.contains(a.name())));
    }
}
