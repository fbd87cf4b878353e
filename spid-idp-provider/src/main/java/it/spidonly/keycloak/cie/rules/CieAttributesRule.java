package it.spidonly.keycloak.cie.rules;

import java.util.List;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.rules.AssertionView;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.RuleResult;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * CIE releases always the same four attributes, each once: {@code name}, {@code familyName}, {@code dateOfBirth},
 * {@code fiscalNumber} (CIE SAML rules, "Attributi"; also when fewer are requested). Anything else, a missing one or a
 * repeated one is not a CIE assertion.
 */
public final class CieAttributesRule implements Rule {
    public static final String ID = "cie.assertion.attributes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        List<AssertionView.Attribute> attributes = response.assertion().map(AssertionView::attributes).orElse(List.of());
        List<String> names = attributes.stream().map(AssertionView.Attribute::name).toList();
        return require(names.size() == CieServiceProvider.ATTRIBUTES.size()
                && names.containsAll(CieServiceProvider.ATTRIBUTES)
                && attributes.stream().allMatch(a -> a.valueCount() == 1));
    }
}
