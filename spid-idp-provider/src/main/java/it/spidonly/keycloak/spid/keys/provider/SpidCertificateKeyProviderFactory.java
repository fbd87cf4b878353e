package it.spidonly.keycloak.spid.keys.provider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.keycloak.common.util.PemUtils;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.crypto.KeyUse;
import org.keycloak.keys.AbstractRsaKeyProviderFactory;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.ImportedRsaKeyProvider;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.spid.keys.SpidCertificateKeys;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * "SPID SP certificate": a realm key provider that generates the SP's RSA key pair (3072 bits by default) and a
 * self-signed certificate of the AgID SP certificate profile (Avviso SPID n. 29 v3) whose subject comes from the
 * realm's SPID SP settings. The key is an ordinary realm key: its kid can be the SP's signing key, and while it is
 * passive it is published in the SP metadata as the next key (docs/admin-guide.md, "SP signing key").
 * The key pair and certificate are generated when the provider is created, and again when its key size changes;
 * they are stored in the component (the database), never in memory only.
 */
public class SpidCertificateKeyProviderFactory extends AbstractRsaKeyProviderFactory {
    public static final String ID = SpidCertificateKeys.PROVIDER_ID;

    @Override
    public KeyProvider create(KeycloakSession session, ComponentModel model) {
        return new ImportedRsaKeyProvider(session.getContext().getRealm(), model);
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) throws ComponentValidationException {
        super.validateConfiguration(session, realm, model);
        SpidCertificateKeyConfig config = SpidCertificateKeyConfig.of(model);
        if (config.keySize() != 3072 && config.keySize() != 4096) {
            throw new ComponentValidationException("spidKeySize");
        }
        if (config.validity().toDays() < 1 || config.validity().toDays() > 3650) {
            throw new ComponentValidationException("spidKeyValidity");
        }
        model.put(Attributes.KEY_USE, KeyUse.SIG.getSpecName());
        if (model.contains(Attributes.PRIVATE_KEY_KEY) && StoredRsaKey.size(model) == config.keySize()) {
            return;
        }
        SpidServiceProviderConfig sp = SpidServiceProviders.of(realm)
                .orElseThrow(() -> new ComponentValidationException("spidKeyNoServiceProvider"));
        SpidCertificateSubject.Result subject = SpidCertificateSubject.of(sp, config.locality());
        if (subject.subject() == null) {
            throw new ComponentValidationException(subject.problem());
        }
        generate(model, config, subject.subject());
    }

    private static void generate(ComponentModel model, SpidCertificateKeyConfig config, SpidCertificateSubject subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(config.keySize());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = SpidCertificateBuilder.selfSigned(keys, subject, Instant.now(), config.validity());
            model.put(Attributes.PRIVATE_KEY_KEY, PemUtils.encodeKey(keys.getPrivate()));
            model.put(Attributes.CERTIFICATE_KEY, PemUtils.encodeCertificate(certificate));
        } catch (Exception e) {
            throw new ComponentValidationException("spidKeyGenerationFailed", e);
        }
    }

    @Override
    public String getHelpText() {
        return "SPID SP certificate: an RSA key pair and a self-signed certificate of AgID's SP certificate profile "
                + "(Avviso SPID n. 29 v3), its subject taken from the realm's SPID service provider settings.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configurationBuilder()
                .property().name(SpidCertificateKeyConfig.KEY_SIZE).label("Key size")
                .helpText("RSA key size in bits (AgID's profile allows 2048 to 4096; this provider makes 3072 or 4096).")
                .type(ProviderConfigProperty.LIST_TYPE).options("3072", "4096")
                .defaultValue(String.valueOf(SpidCertificateKeyConfig.DEFAULT_KEY_SIZE)).add()
                .property().name(SpidCertificateKeyConfig.LOCALITY).label("Locality (L)")
                .helpText("The certificate subject's localityName: the city of the organisation's seat, e.g. Roma.")
                .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
                .property().name(SpidCertificateKeyConfig.VALIDITY_DAYS).label("Validity (days)")
                .helpText("How long the certificate is valid, from its creation (1 to 3650 days).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(SpidCertificateKeyConfig.DEFAULT_VALIDITY_DAYS)).add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }
}
