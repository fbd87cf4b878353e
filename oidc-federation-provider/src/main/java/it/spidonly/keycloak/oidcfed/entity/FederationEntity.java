package it.spidonly.keycloak.oidcfed.entity;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * The realm as an OpenID Federation relying party (SPID/CIE OIDC Federation): its entity id, trust anchors, authority
 * hints, the trust marks issued to it, the organisation data (shared with the SPID SP settings), and the keys.
 * Built per request from the realm's settings component ({@code oidcfed-relying-party}), with defaults when the realm
 * has none; never cached.
 * <p>
 * Keys: the RP's protocol keys are Keycloak's realm keys ({@link #protocolSigningKey} RS256 {@code sig} for request
 * objects and client assertions, {@link #protocolEncryptionKey} RSA-OAEP(-256) {@code enc} for userinfo JWE). The
 * federation keys ({@link FederationKeys}) are separate and sign only federation statements.
 */
public final class FederationEntity {
    /** The path of the realm resource serving the entity configuration and the resolve endpoint. */
    public static final String RESOURCE_PATH = "oidc-federation";
    /** The identity-provider types (fed-login) whose broker endpoints are our redirect URIs. */
    public static final Set<String> OP_PROVIDER_IDS = Set.of("spid-oidc", "cie-oidc");
    public static final List<String> ENCRYPTION_ALGORITHMS = List.of(Algorithm.RSA_OAEP, Algorithm.RSA_OAEP_256);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RelyingPartyConfig config;
    private final boolean configured;

    private FederationEntity(KeycloakSession session, RealmModel realm, Optional<RelyingPartyConfig> config) {
        this.session = session;
        this.realm = realm;
        this.configured = config.isPresent();
        this.config = config.orElse(RelyingPartyConfig.empty());
    }

    public static FederationEntity of(KeycloakSession session, RealmModel realm) {
        return new FederationEntity(session, realm, RelyingPartySettings.of(realm));
    }

    /** Whether the realm has relying-party settings (else every value is a default). */
    public boolean configured() {
        return configured;
    }

    public RelyingPartyConfig config() {
        return config;
    }

    /** The entity id (= client_id): the configured one, else {@code {keycloak}/realms/{realm}/oidc-federation}. */
    public String entityId() {
        return config.entityId().orElseGet(this::defaultEntityId);
    }

    /** Where Keycloak itself serves this entity ({@code {keycloak}/realms/{realm}/oidc-federation}). */
    public String defaultEntityId() {
        return Urls.realmBase(baseUri()).path(realm.getName()).path(RESOURCE_PATH).build().toString();
    }

    /** The configured trust anchors' entity ids. */
    public List<String> trustAnchors() {
        return trustAnchorList().stream().map(TrustAnchor::entityId).toList();
    }

    /** The configured trust anchors with their pinned keys (none when the settings do not parse). */
    public List<TrustAnchor> trustAnchorList() {
        return config.trustAnchorsOrNone();
    }

    /** The authority hints: the configured ones, else the trust anchors. */
    public List<String> authorityHints() {
        List<String> hints = config.authorityHints();
        return hints.isEmpty() ? trustAnchors() : hints;
    }

    /** The trust marks issued to us, as JWT strings. */
    public List<String> trustMarks() {
        return config.trustMarks();
    }

    public Duration entityConfigurationLifetime() {
        return config.entityConfigurationLifetime().orElse(Duration.ofSeconds(RelyingPartyProperties.DEFAULT_EC_LIFETIME_SECONDS));
    }

    /** {@code organization_name}: the SPID SP's organisation name (Italian first), else the realm's display name. */
    public String organizationName() {
        return spidServiceProvider().flatMap(sp -> sp.organizationNames().values().stream().findFirst())
                .orElseGet(() -> Optional.ofNullable(realm.getDisplayName()).orElse(realm.getName()));
    }

    /** {@code client_name}: the SPID SP's organisation display name, else {@link #organizationName}. */
    public String clientName() {
        return spidServiceProvider().flatMap(sp -> sp.organizationDisplayNames().values().stream().findFirst())
                .orElseGet(this::organizationName);
    }

    public Optional<String> homepageUri() {
        return config.homepageUri().or(() -> spidServiceProvider().flatMap(sp -> sp.organizationUrls().values().stream().findFirst()));
    }

    public Optional<String> policyUri() {
        return config.policyUri();
    }

    public Optional<String> logoUri() {
        return config.logoUri();
    }

    /** The federation contacts: the configured ones, else the SPID SP's contact e-mail. */
    public List<String> contacts() {
        List<String> contacts = config.contacts();
        if (!contacts.isEmpty()) {
            return contacts;
        }
        return spidServiceProvider().map(SpidServiceProviderConfig::contactEmail).map(List::of).orElse(List.of());
    }

    /**
     * The key that signs request objects and client assertions: the realm's active RS256 signing key of the highest
     * priority that is not a federation key, or null.
     */
    public KeyWrapper protocolSigningKey() {
        return activeProtocolKey(KeyUse.SIG, Algorithm.RS256);
    }

    /** The key userinfo responses are encrypted to: the realm's active RSA-OAEP (else RSA-OAEP-256) key, or null. */
    public KeyWrapper protocolEncryptionKey() {
        for (String algorithm : ENCRYPTION_ALGORITHMS) {
            KeyWrapper key = activeProtocolKey(KeyUse.ENC, algorithm);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private KeyWrapper activeProtocolKey(KeyUse use, String algorithm) {
        Set<String> federation = FederationKeys.componentIds(realm);
        return session.keys().getKeysStream(realm, use, algorithm)
                .filter(k -> k.getStatus() == KeyStatus.ACTIVE && !federation.contains(k.getProviderId()))
                .max(Comparator.comparingLong(KeyWrapper::getProviderPriority)).orElse(null);
    }

    /** The protocol keys published in {@code openid_relying_party.jwks}: exactly the signing and the encryption key. */
    public List<KeyWrapper> protocolKeys() {
        List<KeyWrapper> keys = new ArrayList<>();
        KeyWrapper sig = protocolSigningKey();
        if (sig != null) {
            keys.add(sig);
        }
        KeyWrapper enc = protocolEncryptionKey();
        if (enc != null) {
            keys.add(enc);
        }
        return keys;
    }

    /** {@code redirect_uris}: the broker endpoint of every enabled SPID/CIE OIDC identity provider of the realm. */
    public List<String> redirectUris() {
        URI base = baseUri();
        return session.identityProviders().getAllStream()
                .filter(IdentityProviderModel::isEnabled)
                .filter(idp -> OP_PROVIDER_IDS.contains(idp.getProviderId()))
                .map(idp -> Urls.identityProviderAuthnResponse(base, idp.getAlias(), realm.getName()).toString())
                .sorted().toList();
    }

    private Optional<SpidServiceProviderConfig> spidServiceProvider() {
        return SpidServiceProviders.of(realm);
    }

    private URI baseUri() {
        return session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
    }
}
