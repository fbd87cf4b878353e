package it.spidonly.keycloak.eidas.ficep;

import it.spidonly.keycloak.eidas.identity.PersonIdentifier;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.RuleResult;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * A FICEP assertion names the person by the eIDAS PersonIdentifier in {@code spidCode}, given once, shaped
 * {@code CC/CC/identifier} with one value (eIDAS SAML Attribute Profile v1.2, 2.2.3): it is the account's key, so without it the
 * login is refused here rather than failing inside Keycloak.
 */
final class PersonIdentifierRule implements Rule {
    static final String ID = "eidas.assertion.person-identifier";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        var values = response.assertion().map(a -> a.attributes().stream()
                .filter(attribute -> "spidCode".equals(attribute.name())).toList()).orElse(java.util.List.of());
        return require(values.size() == 1 && values.get(0).valueCount() == 1
                && PersonIdentifier.parse(values.get(0).firstValue()).isPresent());
    }
}
