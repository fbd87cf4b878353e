package it.spidonly.keycloak.spid.level;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;

/**
 * The Comparison of a RequestedAuthnContext and what each one accepts in the answer
 * (SAML core 3.3.2.2.1, as SPID applies it: minimum L2 accepts L2 and L3, exact L2 only L2,
 * better L2 only L3, maximum L2 accepts L1 and L2).
 */
public enum LevelComparison {
    EXACT(AuthnContextComparisonType.EXACT),
    MINIMUM(AuthnContextComparisonType.MINIMUM),
    BETTER(AuthnContextComparisonType.BETTER),
    MAXIMUM(AuthnContextComparisonType.MAXIMUM);

    private final AuthnContextComparisonType samlType;

    LevelComparison(AuthnContextComparisonType samlType) {
        this.samlType = samlType;
    }

    public AuthnContextComparisonType samlType() {
        return samlType;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean accepts(SpidLevel requested, SpidLevel answered) {
        int diff = answered.number() - requested.number();
        switch (this) {
            case EXACT: return diff == 0;
            case MINIMUM: return diff >= 0;
            case BETTER: return diff > 0;
            case MAXIMUM: return diff <= 0;
            default: throw new IllegalStateException(name());
        }
    }

    public static Optional<LevelComparison> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.value().equalsIgnoreCase(value.trim())).findFirst();
    }
}
