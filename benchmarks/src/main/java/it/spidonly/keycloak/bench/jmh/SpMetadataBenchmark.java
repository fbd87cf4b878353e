package it.spidonly.keycloak.bench.jmh;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.metadata.MetadataSigner;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.metadata.SpidMetadataWriter;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;

/**
 * SP metadata generation as {@code /realms/{realm}/spid/metadata} does it, without the server: the DOM for a public
 * SP with two attribute sets, the enveloped signature with an RSA-2048 key (Keycloak's default realm key size),
 * and the XML text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpMetadataBenchmark {
    private SpidServiceProviderConfig sp;
    private SpidSigningKey key;
    private SpidEndpointUrls urls;

    @Setup
    public void setUp() {
        MultivaluedHashMap<String, String> c = new MultivaluedHashMap<>();
        c.putSingle(ENTITY_ID, "https://sp.lavoro.example/spid");
        c.putSingle(ORGANIZATION_NAME_IT, "Ministero del Lavoro e delle Politiche Sociali");
        c.putSingle(ORGANIZATION_NAME_EN, "Ministry of Labour and Social Policies");
        c.putSingle(ORGANIZATION_DISPLAY_NAME_IT, "Ministero del Lavoro");
        c.putSingle(ORGANIZATION_DISPLAY_NAME_EN, "Ministry of Labour");
        c.putSingle(ORGANIZATION_URL_IT, "https://www.lavoro.gov.it");
        c.putSingle(ORGANIZATION_URL_EN, "https://www.lavoro.gov.it/en");
        c.putSingle(SP_TYPE, "public");
        c.putSingle(IPA_CODE, "m_lps");
        c.putSingle(CONTACT_EMAIL, "spid@lavoro.example");
        c.putSingle(CONTACT_PHONE, "+390600000000");
        c.putSingle(acsNameKey(0), "Servizi online");
        c.put(acsAttributesKey(0), List.of("fiscalNumber", "name", "familyName", "email", "dateOfBirth", "spidCode"));
        c.putSingle(acsNameKey(1), "Minimo");
        c.put(acsAttributesKey(1), List.of("fiscalNumber", "spidCode"));
        sp = new SpidServiceProviderConfig(c);
        key = Keys.rsa2048();
        urls = SpidEndpointUrls.of(URI.create("https://login.lavoro.example/"), "ministero");
    }

    @Benchmark
    public String signedMetadata() throws Exception {
        return DocumentUtil.getDocumentAsString(MetadataSigner.sign(new SpidMetadataWriter(sp, key.certificate(), urls).write(), key));
    }

    /** An RSA-2048 SP signing key as Keycloak's realm key providers hand it out. */
    static final class Keys {
        private Keys() {
        }

        static SpidSigningKey rsa2048() {
            SigningCredential generated = SigningCredential.generate("SPID bench SP", 2048);
            KeyWrapper k = new KeyWrapper();
            k.setKid("bench");
            k.setUse(KeyUse.SIG);
            k.setType(KeyType.RSA);
            k.setStatus(KeyStatus.ACTIVE);
            k.setCertificate(generated.certificate());
            k.setPublicKey(generated.keyPair().getPublic());
            k.setPrivateKey(generated.keyPair().getPrivate());
            return SpidSigningKey.of(k, SignatureAlgorithm.RSA_SHA256);
        }
    }
}
