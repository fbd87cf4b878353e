package it.spidonly.keycloak.spid.registry;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.firstlogin.SpidFirstLoginFlow;

/**
 * Brings a verified registry into a realm: one SPID IdP per registry entity (alias {@code spid-<host>}), created
 * enabled; an existing one gets the registry's endpoints and certificates (certificate rotations) but keeps what the
 * admin set (enabled, display name and order, level override, logo); a registry-managed IdP that left the registry
 * is disabled, never deleted, so users keep their links, and enabled again if it comes back.
 */
public final class RegistryImport {
    /** Config key marking IdPs the registry manages. */
    public static final String MANAGED = "spidRegistryManaged";
    /** Config key marking IdPs the registry disabled because they left it: enabled again if they come back. */
    public static final String LEFT = "spidRegistryLeft";
    /** The login theme's logo key (docs/decisions.md, "Logos through Keycloak's own kcTheme- passthrough"). */
    static final String LOGO = "kcTheme-spidLogo";

    private RegistryImport() {
    }

    public record Result(List<String> added, List<String> updated, List<String> disabled) {
    }

    public static Result apply(KeycloakSession session, RealmModel realm, RegistryAggregate registry) {
        Map<String, IdentityProviderModel> byEntityId = session.identityProviders().getAllStream()
                .filter(idp -> SpidIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .collect(Collectors.toMap(idp -> String.valueOf(idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID)),
                        idp -> idp, (a, b) -> a));
        List<String> added = new java.util.ArrayList<>();
        List<String> updated = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RegistryIdp entry : registry.idps()) {
            seen.add(entry.entityId());
            IdentityProviderModel existing = byEntityId.get(entry.entityId());
            if (existing == null) {
                String alias = freeAlias(session, entry);
                session.identityProviders().create(newIdp(realm, entry, alias));
                added.add(alias);
            } else {
                IdentityProviderModel copy = new IdentityProviderModel(existing);
                copy.getConfig().putAll(endpointsAndKeys(entry));
                copy.getConfig().put(MANAGED, "true");
                if ("true".equals(copy.getConfig().remove(LEFT))) {
                    copy.setEnabled(true);
                }
                logo(entry).ifPresent(logo -> copy.getConfig().putIfAbsent(LOGO, logo));
                session.identityProviders().update(copy);
                updated.add(existing.getAlias());
            }
        }
        List<String> disabled = new java.util.ArrayList<>();
        byEntityId.values().stream()
                .filter(idp -> "true".equals(idp.getConfig().get(MANAGED)))
                .filter(idp -> !seen.contains(idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID)))
                .filter(IdentityProviderModel::isEnabled)
                .forEach(idp -> {
                    IdentityProviderModel copy = new IdentityProviderModel(idp);
                    copy.setEnabled(false);
                    copy.getConfig().put(LEFT, "true");
                    session.identityProviders().update(copy);
                    disabled.add(idp.getAlias());
                });
        return new Result(added, updated, disabled);
    }

    /** The registry's https logo, else the official logo the theme ships for that IdP ({@link BundledIdpLogos}). */
    private static Optional<String> logo(RegistryIdp entry) {
        return Optional.ofNullable(entry.logoUrl()).or(() -> BundledIdpLogos.of(entry.entityId()));
    }

    /** {@link #alias}, or, if another IdP (of any entityID) holds it, the alias with a suffix from the entityID. */
    private static String freeAlias(KeycloakSession session, RegistryIdp entry) {
        String alias = alias(entry);
        if (session.identityProviders().getByAlias(alias) == null) {
            return alias;
        }
        return alias + "-" + Integer.toHexString(entry.entityId().hashCode() & 0xfffff);
    }

    private static IdentityProviderModel newIdp(RealmModel realm, RegistryIdp entry, String alias) {
        SpidIdentityProviderConfig config = new SpidIdentityProviderConfig();
        config.setAlias(alias);
        config.setDisplayName(entry.displayName());
        config.setProviderId(SpidIdentityProviderFactory.PROVIDER_ID);
        config.setEnabled(true);
        config.setTrustEmail(true);
        config.getConfig().putAll(endpointsAndKeys(entry));
        config.getConfig().put(MANAGED, "true");
        logo(entry).ifPresent(logo -> config.getConfig().put(LOGO, logo));
        config.applySpidProfile(null);
        AuthenticationFlowModel flow = realm.getFlowByAlias(SpidFirstLoginFlow.ALIAS);
        if (flow != null) {
            config.setFirstBrokerLoginFlowId(flow.getId());
        }
        return config;
    }

    private static Map<String, String> endpointsAndKeys(RegistryIdp entry) {
        Map<String, String> config = new java.util.HashMap<>();
        config.put(SAMLIdentityProviderConfig.IDP_ENTITY_ID, entry.entityId());
        boolean post = entry.ssoPostUrl() != null;
        config.put(SAMLIdentityProviderConfig.SINGLE_SIGN_ON_SERVICE_URL, post ? entry.ssoPostUrl() : entry.ssoRedirectUrl());
        config.put(SAMLIdentityProviderConfig.POST_BINDING_AUTHN_REQUEST, String.valueOf(post));
        if (entry.sloUrl() != null) {
            config.put(SAMLIdentityProviderConfig.SINGLE_LOGOUT_SERVICE_URL, entry.sloUrl());
        }
        config.put(SAMLIdentityProviderConfig.SIGNING_CERTIFICATE_KEY, String.join(",", entry.signingCertificates()));
        return config;
    }

    /** {@code spid-} and the entityID's host with dots as dashes, e.g. {@code spid-posteid-poste-it}. */
    static String alias(RegistryIdp entry) {
        String host;
        try {
            host = URI.create(entry.entityId()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String base = host == null ? entry.entityId() : host;
        return "spid-" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
