package it.spidonly.keycloak.spid.registry;

import java.util.List;

/**
 * One SPID identity provider as AgID's registry describes it: entityID, display name (Italian first), SSO and SLO
 * endpoints and every signing certificate (base64 DER), in the order of the metadata.
 */
public record RegistryIdp(String entityId, String displayName, String ssoPostUrl, String ssoRedirectUrl,
                          String sloUrl, List<String> signingCertificates) {
    public RegistryIdp {
        signingCertificates = List.copyOf(signingCertificates);
    }
}
