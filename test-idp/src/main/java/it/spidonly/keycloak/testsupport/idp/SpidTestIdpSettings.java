package it.spidonly.keycloak.testsupport.idp;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link SpidTestIdp}. Defaults: a free port, entityID = base URL, the demo users, the public demo key,
 * the system clock. Build with {@link #builder()}; derive variants with {@link #toBuilder()}.
 */
public final class SpidTestIdpSettings {

    private final int port;
    private final String entityId;
    private final String spMetadataUrl;
    private final List<TestUser> users;
    private final SigningCredential signingCredential;
    private final Clock clock;
    private final String cieSpMetadataUrl;
    private final List<TestUser> cieUsers;

    private SpidTestIdpSettings(Builder builder) {
        this.port = builder.port;
        this.entityId = builder.entityId;
        this.spMetadataUrl = builder.spMetadataUrl;
        this.users = builder.users == null ? TestUser.demoUsers() : List.copyOf(builder.users);
        this.signingCredential = builder.signingCredential == null ? SigningCredential.demo() : builder.signingCredential;
        this.clock = builder.clock;
        this.cieSpMetadataUrl = builder.cieSpMetadataUrl;
        this.cieUsers = builder.cieUsers == null ? TestUser.cieDemoUsers() : List.copyOf(builder.cieUsers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).entityId(entityId).spMetadataUrl(spMetadataUrl).users(users)
                .signingCredential(signingCredential).clock(clock).cieSpMetadataUrl(cieSpMetadataUrl).cieUsers(cieUsers);
    }

    /**
     * CIE mode: where to fetch the CIE SP metadata; by default the SPID SP metadata URL's CIE sibling
     * ({@code .../spid/metadata} → {@code .../spid/cie/metadata}), else null.
     */
    public String cieSpMetadataUrl() {
        if (cieSpMetadataUrl != null) {
            return cieSpMetadataUrl;
        }
        return spMetadataUrl != null && spMetadataUrl.endsWith("/spid/metadata")
                ? spMetadataUrl.substring(0, spMetadataUrl.length() - "metadata".length()) + "cie/metadata" : null;
    }

    /** CIE mode: the citizens of its login page (default {@link TestUser#cieDemoUsers()}). */
    public List<TestUser> cieUsers() {
        return cieUsers;
    }

    /** TCP port on 127.0.0.1; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The IdP entityID, or null for "the base URL". */
    public String entityId() {
        return entityId;
    }

    /** Where to fetch the SP metadata (entityID, signing certificates, ACS, attribute services), or null. */
    public String spMetadataUrl() {
        return spMetadataUrl;
    }

    public List<TestUser> users() {
        return users;
    }

    public SigningCredential signingCredential() {
        return signingCredential;
    }

    public Clock clock() {
        return clock;
    }

    /** Builder of {@link SpidTestIdpSettings}. */
    public static final class Builder {

        private int port;
        private String entityId;
        private String spMetadataUrl;
        private List<TestUser> users;
        private SigningCredential signingCredential;
        private Clock clock = Clock.systemUTC();
        private String cieSpMetadataUrl;
        private List<TestUser> cieUsers;

        private Builder() {
        }

        /** CIE mode: the CIE SP metadata URL (default: derived from {@link #spMetadataUrl}). */
        public Builder cieSpMetadataUrl(String cieSpMetadataUrl) {
            this.cieSpMetadataUrl = cieSpMetadataUrl;
            return this;
        }

        /** CIE mode: its citizens (default {@link TestUser#cieDemoUsers()}). */
        public Builder cieUsers(List<TestUser> cieUsers) {
            this.cieUsers = cieUsers;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Bad port " + port);
            }
            this.port = port;
            return this;
        }

        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }

        public Builder spMetadataUrl(String spMetadataUrl) {
            this.spMetadataUrl = spMetadataUrl;
            return this;
        }

        public Builder users(List<TestUser> users) {
            this.users = users;
            return this;
        }

        public Builder signingCredential(SigningCredential signingCredential) {
            this.signingCredential = signingCredential;
            return this;
        }

        public Builder signingKey(KeyPair keyPair, X509Certificate certificate) {
            return signingCredential(new SigningCredential(keyPair, certificate));
        }

        /** Signs with this RSA key pair, publishing a self-signed certificate made for it. */
        public Builder signingKey(KeyPair keyPair) {
            return signingCredential(new SigningCredential(keyPair,
                    SelfSignedCertificate.create(keyPair, "SPID test IdP (generated key)", Duration.ofDays(365))));
        }

        /**
         * FICEP mode: the IdP stands in for FICEP, Italy's eIDAS connector, which speaks the SPID profile. Its users are
         * the {@link TestUser#eidasDemoUsers() eIDAS citizens}; for AttributeConsumingServiceIndex 99 or 100 it
         * releases what the SP metadata's set names (spidCode = the eIDAS PersonIdentifier, names, date of birth and,
         * with 100, place of birth, address, gender), never a fiscal number. Everything else is as in SPID mode.
         */
        public Builder ficep() {
            return users(TestUser.eidasDemoUsers());
        }

        /** Signs with a fresh RSA key pair (self-signed certificate) instead of the public demo key. */
        public Builder generatedSigningKey() {
            return signingCredential(SigningCredential.generate("SPID test IdP (generated key)"));
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SpidTestIdpSettings build() {
            return new SpidTestIdpSettings(this);
        }
    }
}
