package it.spidonly.keycloak.eidas.node.rules;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import it.spidonly.keycloak.eidas.claims.EidasLevel;

/**
 * What an eIDAS response is checked against: the pending request (level, required attributes), this SP (entityID, ACS)
 * and the node's metadata certificates; whether assertions must be encrypted.
 */
public record EidasRuleContext(String spEntityId, String acsUrl, EidasLevel requestedLevel, Set<String> requiredAttributes,
                               List<X509Certificate> nodeCertificates, boolean encryptionRequired) {
    public EidasRuleContext {
        requiredAttributes = Set.copyOf(requiredAttributes);
        nodeCertificates = List.copyOf(nodeCertificates);
    }
}
