package it.spidonly.keycloak.eidas.claims;

import java.util.Optional;

import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * eIDAS levels of assurance (Implementing Regulation (EU) 2015/1502; URIs of the eIDAS SAML Message Format v1.2,
 * 2.4), ordered low &lt; substantial &lt; high. FICEP answers in SPID levels: SpidL2 ~ substantial, SpidL3 ~ high
 * (AgID, FICEP guide); it is not used below L2.
 */
public enum EidasLevel {
    LOW("http://eidas.europa.eu/LoA/low"),
    SUBSTANTIAL("http://eidas.europa.eu/LoA/substantial"),
    HIGH("http://eidas.europa.eu/LoA/high");

    private final String uri;

    EidasLevel(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The eIDAS level a SPID level achieved through FICEP stands for; empty for L1, which FICEP never vouches. */
    public static Optional<EidasLevel> ofSpidLevel(SpidLevel level) {
        return switch (level) {
            case L2 -> Optional.of(SUBSTANTIAL);
            case L3 -> Optional.of(HIGH);
            default -> Optional.empty();
        };
    }
}
