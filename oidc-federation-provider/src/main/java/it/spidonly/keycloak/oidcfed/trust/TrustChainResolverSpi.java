package it.spidonly.keycloak.oidcfed.trust;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of {@link TrustChainResolver} ({@code oidcfed-trust-chain}), so that {@code session.getProvider(TrustChainResolver.class)} finds it. */
public class TrustChainResolverSpi implements Spi {
    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "oidcfed-trust-chain";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return TrustChainResolver.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return TrustChainResolverFactory.class;
    }
}
