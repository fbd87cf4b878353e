package it.spidonly.keycloak.spid.rules;

/**
 * The last rule of the login chain: records the assertion as used (atomically, cluster-wide: Keycloak's
 * {@code SingleUseObjectProvider.putIfAbsent}) once every other rule passed, so only a response bound to this realm's
 * pending request, for this SP, within its times, is ever marked (issue 16, N4). Two posts of the same response racing
 * both pass {@link ReplayRule}; only one records it here, the other is refused with the same rule id.
 */
public final class ReplayMarkRule extends AssertionRule {

    @Override
    public String id() {
        return ReplayRule.ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        String assertionId = assertion.header().id();
        if (assertionId == null || assertionId.isBlank()) {
            return RuleResult.failure(id());
        }
        return require(context.seenAssertions().firstUse(context.idpEntityId(), assertionId,
                ReplayRule.keepUntil(assertion, context)));
    }
}
