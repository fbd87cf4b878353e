package it.spidonly.keycloak.oidcfed.entity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.List;

import org.keycloak.common.util.CertificateUtils;
import org.keycloak.common.util.PemUtils;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.keys.AbstractRsaKeyProviderFactory;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.ImportedRsaKeyProvider;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import it.spidonly.keycloak.spid.keys.provider.StoredRsaKey;

/**
 * "OIDC Federation key" ({@value FederationKeys#PROVIDER_ID}): the realm's federation key, an RSA key pair (2048 bits
 * or more, RS256) that signs the entity configuration and resolve responses only (SPID/CIE OIDC Federation,
 * entity_configuration; cryptographic_algos: RSA 2048 minimum). Generated when the provider is created (and again
 * when its size changes) and stored in the component. It must have a negative priority: Keycloak picks the realm's
 * token-signing key as the active RS256 key of the highest priority, so every ordinary RS256 key of the realm comes
 * first, and {@link FederationKeys} finds the federation keys by provider, never by priority.
 */
public class FederationKeyProviderFactory extends AbstractRsaKeyProviderFactory {
    public static final String KEY_SIZE = "keySize";
    public static final int DEFAULT_KEY_SIZE = 2048;
    public static final String DEFAULT_PRIORITY = "-100";

    @Override
    public KeyProvider create(KeycloakSession session, ComponentModel model) {
        return new ImportedRsaKeyProvider(session.getContext().getRealm(), model);
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) throws ComponentValidationException {
        if (model.get(Attributes.PRIORITY_KEY) == null) {
            model.put(Attributes.PRIORITY_KEY, DEFAULT_PRIORITY);
        }
        super.validateConfiguration(session, realm, model);
        if (model.get(Attributes.PRIORITY_KEY, 0L) >= 0) {
            throw new ComponentValidationException("oidcfedKeyPriority");
        }
        int size = keySize(model);
        if (size != 2048 && size != 3072 && size != 4096) {
            throw new ComponentValidationException("oidcfedKeySize");
        }
        model.put(Attributes.KEY_USE, KeyUse.SIG.getSpecName());
        model.put(Attributes.ALGORITHM_KEY, Algorithm.RS256);
        if (model.contains(Attributes.PRIVATE_KEY_KEY) && StoredRsaKey.size(model) == size) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(size);
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = CertificateUtils.generateV1SelfSignedCertificate(keys, "oidc-federation-" + realm.getName());
            model.put(Attributes.PRIVATE_KEY_KEY, PemUtils.encodeKey(keys.getPrivate()));
            model.put(Attributes.CERTIFICATE_KEY, PemUtils.encodeCertificate(certificate));
        } catch (Exception e) {
            throw new ComponentValidationException("oidcfedKeyGenerationFailed", e);
        }
    }

    private static int keySize(ComponentModel model) {
        try {
            return Integer.parseInt(model.get(KEY_SIZE, String.valueOf(DEFAULT_KEY_SIZE)).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String getHelpText() {
        return "OIDC Federation key: the RSA key (RS256) that signs the realm's OpenID Federation entity configuration. "
                + "Never used for tokens: keep its priority negative. Send its public key to the trust anchor before making a new one active.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = configurationBuilder()
                .property().name(KEY_SIZE).label("Key size")
                .helpText("RSA key size in bits (the rules ask for 2048 at least, recommend 4096).")
                .type(ProviderConfigProperty.LIST_TYPE).options("2048", "3072", "4096")
                .defaultValue(String.valueOf(DEFAULT_KEY_SIZE)).add()
                .build();
        // the console pre-fills Keycloak's priority 0, which this provider refuses: offer a negative one
        return properties.stream().map(p -> Attributes.PRIORITY_KEY.equals(p.getName())
                ? new ProviderConfigProperty(p.getName(), p.getLabel(),
                        "Negative, so that every other RS256 key of the realm signs tokens before this one; among federation keys the highest signs.",
                        p.getType(), DEFAULT_PRIORITY)
                : p).toList();
    }

    @Override
    public String getId() {
        return FederationKeys.PROVIDER_ID;
    }
}
