package it.spidonly.keycloak.oidcfed.trust;

import org.keycloak.provider.ProviderFactory;

/** Factories of {@link TrustChainResolver} (registered in {@code META-INF/services}). */
public interface TrustChainResolverFactory extends ProviderFactory<TrustChainResolver> {
}
