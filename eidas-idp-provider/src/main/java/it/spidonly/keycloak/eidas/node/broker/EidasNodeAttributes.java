package it.spidonly.keycloak.eidas.node.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;

import it.spidonly.keycloak.eidas.identity.EidasUserAttributes;
import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;

/** The natural-person attributes of an eIDAS assertion, by URI (first value, trimmed), and the user attributes they fill. */
final class EidasNodeAttributes {
    /** eIDAS attribute URI → user attribute (names go to first/last name). */
    private static final Map<String, String> USER_ATTRIBUTES = Map.of(
            EidasRequestedAttribute.DATE_OF_BIRTH, EidasUserAttributes.DATE_OF_BIRTH,
            EidasRequestedAttribute.PLACE_OF_BIRTH, EidasUserAttributes.PLACE_OF_BIRTH,
            EidasRequestedAttribute.CURRENT_ADDRESS, EidasUserAttributes.ADDRESS,
            EidasRequestedAttribute.GENDER, EidasUserAttributes.GENDER);

    private final Map<String, String> values;

    private EidasNodeAttributes(Map<String, String> values) {
        this.values = values;
    }

    static EidasNodeAttributes from(AssertionType assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeStatementType statement : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                List<Object> raw = attribute == null ? null : attribute.getAttributeValue();
                if (raw != null && !raw.isEmpty() && raw.get(0) != null) {
                    values.putIfAbsent(attribute.getName(), raw.get(0).toString().trim());
                }
            }
        }
        return new EidasNodeAttributes(values);
    }

    Optional<String> value(String uri) {
        return Optional.ofNullable(values.get(uri)).filter(v -> !v.isBlank());
    }

    /** The user attributes to store: user attribute name → value. */
    Map<String, String> userAttributes() {
        Map<String, String> out = new LinkedHashMap<>();
        USER_ATTRIBUTES.forEach((uri, name) -> value(uri).ifPresent(v -> out.put(name, v)));
        return out;
    }
}
