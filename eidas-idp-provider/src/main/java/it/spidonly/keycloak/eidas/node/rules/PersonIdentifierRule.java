package it.spidonly.keycloak.eidas.node.rules;

import java.util.List;

import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.identity.PersonIdentifier;
import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;

/**
 * The PersonIdentifier names the account, so it is given once, with exactly one value, shaped {@code CC/CC/identifier}
 * within {@link PersonIdentifier}'s length and character set (eIDAS SAML Attribute Profile v1.2, 2.2.3; issue 16:
 * the same discipline as SPID's fiscalNumber). Other attributes may carry a second, transliterated value.
 */
final class PersonIdentifierRule implements EidasRule {
    static final String ID = "eidas.assertion.person-identifier";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        List<Element> attributes = response.attributes(EidasRequestedAttribute.PERSON_IDENTIFIER);
        if (attributes.size() != 1) {
            return false;
        }
        List<Element> values = EidasResponse.children(attributes.get(0), EidasResponse.SAML, "AttributeValue");
        return values.size() == 1 && PersonIdentifier.parse(values.get(0).getTextContent()).isPresent();
    }
}
