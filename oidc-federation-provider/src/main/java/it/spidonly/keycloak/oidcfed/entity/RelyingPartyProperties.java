package it.spidonly.keycloak.oidcfed.entity;

import static org.keycloak.provider.ProviderConfigProperty.MULTIVALUED_LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.MULTIVALUED_STRING_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.TEXT_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The keys of the realm's OIDC federation relying-party settings and the admin-console form for them. Only what OIDC
 * Federation adds to the SPID service provider: the organisation (name, IPA code, e-mail) is read from the SPID SP
 * page. Keys have no dots (the console treats dots as nested paths).
 */
public final class RelyingPartyProperties {
    public static final String ENTITY_ID = "entityId";
    public static final String HOMEPAGE_URI = "homepageUri";
    public static final String POLICY_URI = "policyUri";
    public static final String LOGO_URI = "logoUri";
    public static final String CONTACTS = "contacts";
    public static final String AUTHORITY_HINTS = "authorityHints";
    public static final String TRUST_ANCHOR_PRESETS = "trustAnchorPresets";
    public static final String TRUST_ANCHORS = "trustAnchors";
    public static final String TRUST_MARKS = "trustMarks";
    public static final String EC_LIFETIME = "entityConfigurationLifetimeSeconds";

    public static final long DEFAULT_EC_LIFETIME_SECONDS = 86_400;
    public static final long MIN_EC_LIFETIME_SECONDS = 300;
    public static final long MAX_EC_LIFETIME_SECONDS = 172_800;

    private RelyingPartyProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENTITY_ID).label("Entity id (client_id)").type(STRING_TYPE)
                .helpText("The relying party's entity identifier, an https URL. Empty: {keycloak}/realms/{realm}/oidc-federation. "
                        + "The entity configuration is served at {entity id}/.well-known/openid-federation.").add()
                .property().name(HOMEPAGE_URI).label("Homepage URI").type(STRING_TYPE)
                .helpText("federation_entity homepage_uri. Empty: the SPID SP's organisation URL.").add()
                .property().name(POLICY_URI).label("Privacy policy URI").type(STRING_TYPE)
                .helpText("federation_entity policy_uri: the service's privacy policy page.").add()
                .property().name(LOGO_URI).label("Logo URI (SVG)").type(STRING_TYPE)
                .helpText("federation_entity logo_uri: the organisation's logo, an SVG file.").add()
                .property().name(CONTACTS).label("Contacts").type(MULTIVALUED_STRING_TYPE)
                .helpText("E-mail addresses for the federation (SPID: a PEC; CIE: the institutional e-mail). Empty: the SPID SP's contact e-mail.").add()
                .property().name(TRUST_ANCHOR_PRESETS).label("Known trust anchors").type(MULTIVALUED_LIST_TYPE)
                .options(KnownTrustAnchors.ids())
                .helpText("Trust anchors whose entity id is known: their keys must still be pinned below.").add()
                .property().name(TRUST_ANCHORS).label("Trust anchors and their keys").type(TEXT_TYPE)
                .helpText("One trust anchor per line: its entity id, a space, its JWK Set as JSON (the keys you obtained from the "
                        + "federation authority, not from its web site); or a JSON list [{\"entity_id\": ..., \"jwks\": {\"keys\": [...]}}].").add()
                .property().name(AUTHORITY_HINTS).label("Authority hints").type(MULTIVALUED_STRING_TYPE)
                .helpText("The superiors that publish a statement about this relying party. Empty: the trust anchors.").add()
                .property().name(TRUST_MARKS).label("Trust marks issued to us").type(TEXT_TYPE)
                .helpText("The trust marks (signed JWTs) the trust anchor issued to this relying party, one per line.").add()
                .property().name(EC_LIFETIME).label("Entity configuration lifetime (seconds)").type(STRING_TYPE)
                .defaultValue(String.valueOf(DEFAULT_EC_LIFETIME_SECONDS))
                .helpText("How long a signed entity configuration is valid (300 to 172800 s; default one day).").add()
                .build();
    }
}
