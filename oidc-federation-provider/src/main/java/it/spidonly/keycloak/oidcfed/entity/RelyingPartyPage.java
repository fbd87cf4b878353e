package it.spidonly.keycloak.oidcfed.entity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.RealmSettingsPage;

/**
 * The realm as an OIDC federation relying party, as an admin-console page beside the SPID SP page: what OIDC
 * Federation adds to the SPID SP settings (entity id, federation URIs and contacts, trust anchors with pinned keys,
 * authority hints, the trust marks issued to us, the entity-configuration lifetime). Stored as a realm component.
 */
public class RelyingPartyPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "oidcfed-relying-party";

    public RelyingPartyPage() {
        super(PROVIDER_ID,
                "The realm as a SPID/CIE OpenID Connect Federation relying party: entity id, trust anchors and the trust marks issued to it. "
                        + "The organisation comes from the SPID service provider page.",
                RelyingPartyProperties.build(),
                List.of(RelyingPartyProperties.ENTITY_ID));
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        RelyingPartyConfig config = new RelyingPartyConfig(model.getConfig());
        List<Problem> problems = new ArrayList<>();
        if (RelyingPartySettings.components(realm).anyMatch(c -> !c.getId().equals(model.getId()))) {
            problems.add(Problem.of("oidcfedRpAlreadyExists"));
        }
        config.entityId().filter(id -> !webUrl(id)).ifPresent(id -> problems.add(Problem.of("oidcfedEntityId")));
        for (String uri : List.of(config.homepageUri(), config.policyUri(), config.logoUri()).stream()
                .flatMap(java.util.Optional::stream).toList()) {
            if (!webUrl(uri)) {
                problems.add(Problem.of("oidcfedUri", uri));
            }
        }
        for (String contact : config.contacts()) {
            if (!contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(Problem.of("oidcfedContact", contact));
            }
        }
        trustAnchorProblems(config, problems);
        for (String hint : config.authorityHints()) {
            if (!webUrl(hint)) {
                problems.add(Problem.of("oidcfedAuthorityHint", hint));
            }
        }
        for (String mark : config.trustMarks()) {
            if (!mark.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
                problems.add(Problem.of("oidcfedTrustMarkSyntax"));
            }
        }
        if (config.entityConfigurationLifetime().isEmpty()) {
            problems.add(Problem.of("oidcfedLifetime", RelyingPartyProperties.MIN_EC_LIFETIME_SECONDS,
                    RelyingPartyProperties.MAX_EC_LIFETIME_SECONDS));
        }
        return problems;
    }

    /**
     * The first save gives the realm its federation key when it has none (an {@value FederationKeys#PROVIDER_ID}
     * provider, 2048 bits, priority -100), so that the entity configuration is served at once.
     */
    @Override
    protected void beforeSave(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (FederationKeys.componentIds(realm).isEmpty()) {
            ComponentModel key = new ComponentModel();
            key.setName("oidc-federation-key");
            key.setParentId(realm.getId());
            key.setProviderId(FederationKeys.PROVIDER_ID);
            key.setProviderType(KeyProvider.class.getName());
            key.put(Attributes.PRIORITY_KEY, FederationKeyProviderFactory.DEFAULT_PRIORITY);
            key.put(FederationKeyProviderFactory.KEY_SIZE, String.valueOf(FederationKeyProviderFactory.DEFAULT_KEY_SIZE));
            realm.addComponentModel(key);
        }
    }

    private static void trustAnchorProblems(RelyingPartyConfig config, List<Problem> problems) {
        try {
            List<TrustAnchor> anchors = config.trustAnchors();
            if (anchors.isEmpty()) {
                problems.add(Problem.of("oidcfedNoTrustAnchor"));
            }
            anchors.stream().filter(a -> !a.pinned()).forEach(a -> problems.add(Problem.of("oidcfedTrustAnchorNoKeys", a.entityId())));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(e.getMessage()));
        }
    }

    /** https, or http on a loopback host (tests, a local reverse proxy). */
    static boolean webUrl(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                    && (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
