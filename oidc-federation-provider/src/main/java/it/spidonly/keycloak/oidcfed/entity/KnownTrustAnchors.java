package it.spidonly.keycloak.oidcfed.entity;

import java.util.List;
import java.util.Map;

/**
 * Trust anchors whose entity ids are public (docs/oidc-federation.md, "Trust anchors"). Their keys are not shipped:
 * an admin pins the keys obtained from the federation authority. SPID's production trust anchor is not confirmed:
 * configure it as any other trust anchor.
 */
public final class KnownTrustAnchors {
    public static final String CIE_PRODUCTION = "https://oidc.registry.servizicie.interno.gov.it";
    public static final String CIE_PREPRODUCTION = "https://preprod.oidc.registry.servizicie.interno.gov.it";

    private static final Map<String, String> BY_ID = Map.of(
            "cie-production", CIE_PRODUCTION,
            "cie-preproduction", CIE_PREPRODUCTION);

    private KnownTrustAnchors() {
    }

    public static List<String> ids() {
        return List.of("cie-production", "cie-preproduction");
    }

    /** The entity id of a preset, or the text itself when it already is an entity id. */
    public static String entityId(String preset) {
        return BY_ID.getOrDefault(preset, preset);
    }
}
