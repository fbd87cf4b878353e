package it.spidonly.keycloak.spid.registry;

import java.util.List;

/**
 * One SPID identity provider as AgID's registry describes it: entityID, display name (Italian first), SSO and SLO
 * endpoints, every signing certificate (base64 DER) in the order of the metadata, and the {@code https} logo of its
 * {@code mdui:UIInfo} if it publishes one (else null).
 */
public record RegistryIdp(String entityId, String displayName, String ssoPostUrl, String ssoRedirectUrl,
                          String sloUrl, List<String> signingCertificates, String logoUrl) {
    public RegistryIdp {
        signingCertificates = List.copyOf(signingCertificates);
    }
}
