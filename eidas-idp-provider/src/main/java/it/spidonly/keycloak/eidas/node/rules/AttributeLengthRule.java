package it.spidonly.keycloak.eidas.node.rules;

import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;
import it.spidonly.keycloak.spid.attributes.AccountLimits;

/**
 * Every attribute value fits the account ({@link AccountLimits}): the given and family names in 255 characters (the
 * account's name fields), any other value in 2048. A longer value is refused here, not by the database.
 */
final class AttributeLengthRule implements EidasRule {
    static final String ID = "eidas.assertion.attributes.length";
    private static final Set<String> NAMES = Set.of(EidasRequestedAttribute.GIVEN_NAME, EidasRequestedAttribute.FAMILY_NAME);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        for (String name : response.attributeNames()) {
            for (Element attribute : response.attributes(name)) {
                NodeList values = attribute.getElementsByTagNameNS(attribute.getNamespaceURI(), "AttributeValue");
                for (int i = 0; i < values.getLength(); i++) {
                    String value = values.item(i).getTextContent();
                    if (NAMES.contains(name) ? !AccountLimits.fitsField(value) : !AccountLimits.fitsAttribute(value)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
