package it.spidonly.keycloak.spid.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attribute names the AuthnRequest asked for (its AttributeConsumingService), or "exempt": FICEP (eIDAS)
 * answers with its own set, so the requested-set checks do not apply to it (spid.md, "nr103").
 */
public final class RequestedAttributes {
    private static final RequestedAttributes EXEMPT = new RequestedAttributes(null);

    private final Set<String> names;

    private RequestedAttributes(Set<String> names) {
        this.names = names;
    }

    public static RequestedAttributes of(List<String> names) {
        return new RequestedAttributes(Set.copyOf(names));
    }

    public static RequestedAttributes exempt() {
        return EXEMPT;
    }

    /** The requested names; empty when exempt. */
    public Optional<Set<String>> names() {
        return Optional.ofNullable(names);
    }

    public boolean isExempt() {
        return names == null;
    }

    @Override
    public String toString() {
        return isExempt() ? "exempt" : names.toString();
    }
}
