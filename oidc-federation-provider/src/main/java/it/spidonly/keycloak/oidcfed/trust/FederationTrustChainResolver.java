package it.spidonly.keycloak.oidcfed.trust;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.oidcfed.entity.FederationEntity;

/**
 * The realm's trust-chain resolver: chains validated by {@link TrustChainValidator} against the realm's trust
 * anchors ({@link FederationEntity#trustAnchorList}), fetched through Keycloak's HTTP client and cached cluster-wide
 * ({@link ChainCache}). A cached chain is served until its refresh time; then it is resolved again, and if that
 * fails the cached chain keeps serving until shortly before its {@code exp} (a trust anchor briefly unreachable does
 * not stop logins; an expired chain always does).
 */
final class FederationTrustChainResolver implements TrustChainResolver {
    private static final Logger LOG = Logger.getLogger(FederationTrustChainResolver.class);
    static final String OPENID_PROVIDER = "openid_provider";

    private final KeycloakSession session;
    private final Clock clock;

    FederationTrustChainResolver(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public ResolvedEntity resolveOpenIdProvider(RealmModel realm, String entityId) throws TrustChainException {
        ChainCache cache = new ChainCache(session);
        ChainCache.Entry cached = cache.get(realm, entityId);
        long now = clock.instant().getEpochSecond();
        if (cached != null && now < cached.refreshAt()) {
            return cached.entity();
        }
        try {
            return resolveFresh(realm, entityId);
        } catch (TrustChainException e) {
            if (cached != null && now < cached.entity().expiresAt() - ChainCache.MARGIN_SECONDS) {
                LOG.warnf("OIDC federation: refreshing the chain of %s failed (%s); the cached chain serves until it expires",
                        entityId, e.check());
                return cached.entity();
            }
            throw e;
        }
    }

    /** Resolves now, ignoring the cache, and caches a valid chain. */
    ResolvedEntity resolveFresh(RealmModel realm, String entityId) throws TrustChainException {
        ResolvedEntity entity = validator(realm).resolve(entityId, OPENID_PROVIDER);
        new ChainCache(session).put(realm, entity, clock.instant().getEpochSecond());
        return entity;
    }

    private TrustChainValidator validator(RealmModel realm) {
        return new TrustChainValidator(new HttpStatementSource(session), FederationEntity.of(session, realm).trustAnchorList(),
                clock, TrustChainValidator.DEFAULT_LEEWAY);
    }
}
