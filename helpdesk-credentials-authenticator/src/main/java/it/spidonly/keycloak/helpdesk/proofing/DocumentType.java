package it.spidonly.keycloak.helpdesk.proofing;

import java.util.Optional;

/** The documents the help desk accepts (helpdesk.md: a passport or a national ID document of the issuing state). */
public enum DocumentType {
    PASSPORT("passport"), IDENTITY_CARD("identity-card");

    private final String id;

    DocumentType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<DocumentType> of(String id) {
        for (DocumentType t : values()) {
            if (t.id.equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
