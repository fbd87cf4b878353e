package it.spidonly.keycloak.oidcfed.trust;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Resolves and verifies the trust chain from a federation entity (an OpenID Provider) up to one of the realm's
 * configured trust anchors, applies the superiors' metadata policies and checks the entity's trust marks.
 * Obtained with {@code session.getProvider(TrustChainResolver.class)}. Results may be cached cluster-safely by the
 * implementation; callers never cache them in memory of their own.
 */
public interface TrustChainResolver extends Provider {

    /**
     * @param entityId the OP's entity identifier (its https URL)
     * @return the OP as the trust chain describes it, never {@code null}
     * @throws TrustChainException naming the failed check when no valid chain to a configured trust anchor exists
     */
    ResolvedEntity resolveOpenIdProvider(RealmModel realm, String entityId) throws TrustChainException;

    @Override
    default void close() {
    }
}
