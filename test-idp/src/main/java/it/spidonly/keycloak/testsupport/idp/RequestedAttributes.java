package it.spidonly.keycloak.testsupport.idp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes an IdP releases: exactly those of the AttributeConsumingService named by the request's
 * AttributeConsumingServiceIndex (or the SP's default service), among those the user has, in the order the SP
 * metadata lists them (SPID Regole tecniche; the conformance check "nr103" expects exactly the requested set).
 * An index the SP metadata does not have releases nothing. Without SP metadata every attribute of the user is
 * released.
 */
final class RequestedAttributes {

    private RequestedAttributes() {
    }

    static Map<String, String> select(SpMetadata spMetadata, ReceivedAuthnRequest request, TestUser user) {
        if (user == null) {
            return Map.of();
        }
        if (spMetadata == null) {
            return user.attributes();
        }
        List<String> names = spMetadata.requestedAttributes(request.attributeConsumingServiceIndex()).orElse(List.of());
        Map<String, String> released = new LinkedHashMap<>();
        for (String name : names) {
            String value = user.attribute(name);
            if (value != null) {
                released.put(name, value);
            }
        }
        return released;
    }
}
