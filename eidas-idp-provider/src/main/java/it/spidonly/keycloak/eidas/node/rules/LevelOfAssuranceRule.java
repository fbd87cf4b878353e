package it.spidonly.keycloak.eidas.node.rules;

import java.util.Arrays;

import it.spidonly.keycloak.eidas.claims.EidasLevel;

/** eIDAS SAML Message Format v1.2, 2.4: the level vouched for is a notified one, at least the requested (low &lt; substantial &lt; high). */
final class LevelOfAssuranceRule implements EidasRule {
    static final String ID = "eidas.assertion.level";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return response.levelOfAssurance()
                .flatMap(uri -> Arrays.stream(EidasLevel.values()).filter(level -> level.uri().equals(uri)).findFirst())
                .map(level -> level.compareTo(context.requestedLevel()) >= 0)
                .orElse(false);
    }
}
