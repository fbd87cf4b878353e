package it.spidonly.keycloak.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;

import it.spidonly.keycloak.spid.broker.SpidAuthnRequest;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * A SPID AuthnRequest as {@code SpidIdentityProvider.performLogin} makes it, without the server:
 * {@link SpidAuthnRequest#build}, the DOM, the enveloped signature with an RSA-2048 key (RSA-SHA256) and the
 * HTTP-POST binding's base64, through Keycloak's {@link BaseSAML2BindingBuilder} (the base class of the
 * {@code JaxrsSAML2BindingBuilder} the provider uses). {@code buildOnly}: the same without signature and encoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthnRequestBenchmark {
    private SpidSigningKey key;

    @Setup
    public void setUp() {
        key = SpMetadataBenchmark.Keys.rsa2048();
    }

    @Benchmark
    public Document buildOnly() throws Exception {
        return SAML2Request.convert(SpidAuthnRequest.build("https://sp.lavoro.example/spid", "https://idp.spid.example/sso",
                0, SpidLevel.L2, LevelComparison.MINIMUM, false));
    }

    /**
     * Keycloak's stock SAML broker's AuthnRequest for the same IdP (its builder: Issuer without qualifiers, a
     * per-IdP ACS URL, AllowCreate, the same RequestedAuthnContext), signed the way its {@code performLogin} signs
     * (KeyName = the key id, the same key, RSA-SHA256, HTTP-POST): issue 19 compares the two in one run.
     */
    @Benchmark
    public String stockBuildAndSign() throws Exception {
        org.keycloak.saml.SAML2AuthnRequestBuilder builder = new org.keycloak.saml.SAML2AuthnRequestBuilder()
                .assertionConsumerUrl("https://login.spid-only.example/realms/ministero/broker/stock-saml/endpoint")
                .destination("https://idp.spid.example/sso")
                .issuer("https://sp.lavoro.example/spid")
                .forceAuthn(false)
                .protocolBinding("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")
                .nameIdPolicy(org.keycloak.saml.SAML2NameIDPolicyBuilder.format("urn:oasis:names:tc:SAML:2.0:nameid-format:transient").setAllowCreate(true))
                .attributeConsumingServiceIndex(0)
                .requestedAuthnContext(new org.keycloak.saml.SAML2RequestedAuthnContextBuilder()
                        .setComparison(org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType.MINIMUM)
                        .addAuthnContextClassRef("https://www.spid.gov.it/SpidL2"));
        Document document = SAML2Request.convert(builder.createAuthnRequest());
        return new BaseSAML2BindingBuilder<>()
                .relayState("relay-state-of-the-broker")
                .signWith(key.kid(), key.privateKey(), key.publicKey(), key.certificate())
                .signatureAlgorithm(key.algorithm())
                .signDocument()
                .postBinding(document)
                .encoded();
    }

    @Benchmark
    public String buildAndSign() throws Exception {
        Document document = buildOnly();
        return new BaseSAML2BindingBuilder<>()
                .relayState("relay-state-of-the-broker")
                .signWith(null, key.privateKey(), key.publicKey(), key.certificate())
                .signatureAlgorithm(key.algorithm())
                .signDocument()
                .postBinding(document)
                .encoded();
    }
}
