package it.spidonly.keycloak.spid.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SPID Regole tecniche, Assertion: an AttributeStatement holds {@code Attribute} elements, each with a {@code Name}
 * (a missing {@code NameFormat} is fine, spid-sp-test response 109). No name may appear twice, and every attribute has
 * exactly one {@code AttributeValue} (SPID attributes are single-valued): two fiscal numbers in one assertion would
 * let the principal and the stored attributes disagree (issue 16, N3).
 */
public final class AttributeStatementRule extends AssertionRule {
    public static final String ID = "spid.assertion.attributes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        Set<String> names = new HashSet<>();
        for (List<AssertionView.Attribute> statement : assertion.attributeStatements()) {
            if (statement.isEmpty()) {
                return RuleResult.failure(id());
            }
            for (AssertionView.Attribute attribute : statement) {
                if (attribute.name() == null || attribute.name().isBlank() || !names.add(attribute.name())
                        || attribute.valueCount() != 1) {
                    return RuleResult.failure(id());
                }
            }
        }
        return RuleResult.pass();
    }
}
