package it.spidonly.keycloak.spid.attributes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;

/** The SPID attributes of one assertion, normalised (see {@link SpidAttributeValues}); unknown names are ignored. */
public final class SpidIdentity {
    private final Map<String, String> attributes;

    private SpidIdentity(Map<String, String> attributes) {
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    public static SpidIdentity from(AssertionType assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeStatementType statement : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                if (attribute == null || SpidAttribute.byName(attribute.getName()).isEmpty()) {
                    continue;
                }
                List<Object> raw = attribute.getAttributeValue();
                if (raw != null && !raw.isEmpty() && raw.get(0) != null) {
                    values.put(attribute.getName(), SpidAttributeValues.normalise(attribute.getName(), raw.get(0).toString()));
                }
            }
        }
        return new SpidIdentity(values);
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<String> value(SpidAttribute attribute) {
        return Optional.ofNullable(attributes.get(attribute.name())).filter(v -> !v.isBlank());
    }

    public Optional<String> fiscalNumber() {
        return value(SpidAttribute.fiscalNumber);
    }
}
