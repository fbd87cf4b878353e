package it.spidonly.keycloak.spid.sp;

import java.util.List;

/** One AttributeConsumingService of the SP metadata: its index, Italian service name and requested attributes. */
public record AttributeConsumingService(int index, String serviceName, List<String> requestedAttributes) {
    public AttributeConsumingService {
        requestedAttributes = List.copyOf(requestedAttributes);
    }
}
