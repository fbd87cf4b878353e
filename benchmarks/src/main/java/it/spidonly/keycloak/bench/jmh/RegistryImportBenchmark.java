package it.spidonly.keycloak.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import it.spidonly.keycloak.spid.registry.RegistryAggregate;

/**
 * Registry import without the server: AgID's real aggregate as shipped in the provider jar (126 kB, 12 IdPs),
 * secure parse, validUntil, the aggregate signature verified with AgID's certificate, the IdP list read
 * ({@link RegistryAggregate#verify}). Target: below 1 s. The clock is fixed inside the copy's validity, as in
 * the unit tests. Writing the IdPs into a realm is database work, measured by the registry ITs, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistryImportBenchmark {
    private static final String AGGREGATE = "/spid-registry/spid-entities-idps.2025-11-24.xml";
    private static final String AGID_CERT = "/spid-registry/agid-spid-registry-metadata-signing_2024-06-25_2034-06-24.pem";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private byte[] xml;
    private List<X509Certificate> trusted;

    @Setup
    public void setUp() throws CertificateException {
        xml = resource(AGGREGATE);
        trusted = List.of((X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(resource(AGID_CERT))));
        if (RegistryAggregate.verify(xml, trusted, NOW).idps().size() != 12) {
            throw new IllegalStateException("The bundled aggregate should list 12 IdPs");
        }
    }

    @Benchmark
    public int verifyAndList() {
        return RegistryAggregate.verify(xml, trusted, NOW).idps().size();
    }

    private static byte[] resource(String name) {
        try (InputStream in = RegistryAggregate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + " in the provider jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
