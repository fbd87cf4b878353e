package it.spidonly.keycloak.spid.rules;

/** A rule about the Assertion; a response without one fails it (the login chain refuses that earlier anyway). */
abstract class AssertionRule implements Rule {

    @Override
    public final RuleResult check(SpidResponse response, RuleContext context) {
        return response.assertion().map(a -> check(a, context)).orElseGet(() -> RuleResult.failure(id()));
    }

    abstract RuleResult check(AssertionView assertion, RuleContext context);
}
