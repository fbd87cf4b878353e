package it.spidonly.keycloak.spid.rules;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules compare a Response with, as plain values (no Keycloak session).
 *
 * @param clock            now
 * @param skew             the one clock-skew allowance, applied wherever times are compared
 * @param request          the request this browser session waits an answer for; empty: the response is unsolicited
 * @param idpEntityId      the entityID of the IdP the response claims to come from
 * @param acsUrl           the SP's AssertionConsumerService URL (Destination, Recipient)
 * @param spEntityId       the SP entityID (Audience)
 * @param idpCertificates  the IdP's signing certificates from its metadata: the only trusted keys
 * @param seenAssertions   the replay cache
 */
public record RuleContext(Clock clock, Duration skew, Optional<PendingRequest> request, String idpEntityId,
                          String acsUrl, String spEntityId, List<X509Certificate> idpCertificates,
                          SeenAssertions seenAssertions) {
    public RuleContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(skew, "skew");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(seenAssertions, "seenAssertions");
        idpCertificates = List.copyOf(idpCertificates);
    }

    public Instant now() {
        return clock.instant();
    }

    public List<PublicKey> idpKeys() {
        return idpCertificates.stream().map(X509Certificate::getPublicKey).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().clock(clock).skew(skew).request(request.orElse(null)).idpEntityId(idpEntityId)
                .acsUrl(acsUrl).spEntityId(spEntityId).idpCertificates(idpCertificates).seenAssertions(seenAssertions);
    }

    /** Builder of {@link RuleContext}; defaults: system UTC clock, no skew, unsolicited, no certificates. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ZERO;
        private PendingRequest request;
        private String idpEntityId;
        private String acsUrl;
        private String spEntityId;
        private List<X509Certificate> idpCertificates = List.of();
        private SeenAssertions seenAssertions = (idp, id, until) -> true;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder skew(Duration skew) {
            this.skew = skew;
            return this;
        }

        public Builder request(PendingRequest request) {
            this.request = request;
            return this;
        }

        public Builder idpEntityId(String idpEntityId) {
            this.idpEntityId = idpEntityId;
            return this;
        }

        public Builder acsUrl(String acsUrl) {
            this.acsUrl = acsUrl;
            return this;
        }

        public Builder spEntityId(String spEntityId) {
            this.spEntityId = spEntityId;
            return this;
        }

        public Builder idpCertificates(List<X509Certificate> idpCertificates) {
            this.idpCertificates = idpCertificates;
            return this;
        }

        public Builder seenAssertions(SeenAssertions seenAssertions) {
            this.seenAssertions = seenAssertions;
            return this;
        }

        public RuleContext build() {
            return new RuleContext(clock, skew, Optional.ofNullable(request), idpEntityId, acsUrl, spEntityId,
                    idpCertificates, seenAssertions);
        }
    }
}
