package it.spidonly.keycloak.oidcfed.op;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.oidcfed.trust.TrustChainException;
import it.spidonly.keycloak.oidcfed.trust.TrustChainResolver;
import it.spidonly.keycloak.spid.realm.SpidRealmSetup;

/**
 * Creates or updates one IdP per OP a trust anchor lists and whose trust chain verifies (alias
 * {@code <providerId>-<host>}), keeping what an admin chose (display name, enabled, level, mappers); an OP no longer
 * listed, or whose chain no longer verifies, is disabled, never deleted (as the SPID SAML registry does).
 */
public final class OpListRefresh {
    private static final Logger LOG = Logger.getLogger(OpListRefresh.class);

    private OpListRefresh() {
    }

    public record Result(List<String> added, List<String> updated, List<String> disabled,
                         Map<String, String> refused) {
    }

    public static Result run(KeycloakSession session, RealmModel realm, OpListSource source) throws java.io.IOException {
        List<String> listed = TrustAnchorList.openIdProviders(session, source);
        TrustChainResolver resolver = session.getProvider(TrustChainResolver.class);
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> verified = new ArrayList<>();
        for (String op : listed) {
            try {
                if (resolver == null) {
                    throw new TrustChainException("oidcfed.chain.unavailable", "no trust chain resolver is deployed");
                }
                resolver.resolveOpenIdProvider(realm, op);
                verified.add(op);
            } catch (TrustChainException e) {
                refused.put(op, e.check());
            }
        }
        for (String op : verified) {
            String alias = alias(source.providerId(), op);
            IdentityProviderModel existing = session.identityProviders().getByAlias(alias);
            if (existing == null) {
                session.identityProviders().create(newIdp(session, realm, source, alias, op));
                added.add(alias);
            } else {
                IdentityProviderModel idp = new IdentityProviderModel(existing);
                idp.getConfig().put(FederatedOpConfig.OP_ENTITY_ID, op);
                idp.getConfig().put(FederatedOpConfig.TRUST_ANCHOR, source.trustAnchor());
                session.identityProviders().update(idp);
                updated.add(alias);
            }
        }
        Set<String> keep = verified.stream().map(op -> alias(source.providerId(), op)).collect(Collectors.toSet());
        session.identityProviders().getAllStream()
                .filter(idp -> source.providerId().equals(idp.getProviderId()))
                .filter(idp -> source.trustAnchor().equals(idp.getConfig().get(FederatedOpConfig.TRUST_ANCHOR)))
                .filter(idp -> !keep.contains(idp.getAlias()) && idp.isEnabled())
                .toList()
                .forEach(idp -> {
                    IdentityProviderModel off = new IdentityProviderModel(idp);
                    off.setEnabled(false);
                    session.identityProviders().update(off);
                    disabled.add(idp.getAlias());
                });
        LOG.infof("OIDC federation OPs of %s in realm %s: %d added, %d updated, %d disabled, %d refused",
                source.trustAnchor(), realm.getName(), added.size(), updated.size(), disabled.size(), refused.size());
        return new Result(added, updated, disabled, refused);
    }

    static String alias(String providerId, String opEntityId) {
        URI uri = URI.create(opEntityId);
        String name = uri.getHost() + (uri.getPort() > 0 ? "-" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
        return providerId + "-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static IdentityProviderModel newIdp(KeycloakSession session, RealmModel realm, OpListSource source,
                                                String alias, String op) {
        FederatedOpConfig idp = new FederatedOpConfig();
        idp.setAlias(alias);
        idp.setProviderId(source.providerId());
        idp.setDisplayName(URI.create(op).getHost());
        idp.setEnabled(true);
        idp.getConfig().put(FederatedOpConfig.OP_ENTITY_ID, op);
        idp.getConfig().put(FederatedOpConfig.TRUST_ANCHOR, source.trustAnchor());
        idp.applyFederationProfile();
        SpidRealmSetup.forIdentityProvider(session, realm, idp);
        return idp;
    }
}
