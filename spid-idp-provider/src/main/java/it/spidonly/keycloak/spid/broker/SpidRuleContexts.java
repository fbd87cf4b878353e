package it.spidonly.keycloak.spid.broker;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.rules.PendingRequest;
import it.spidonly.keycloak.spid.rules.RequestedAttributes;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.SamlInstant;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * Builds the rules' plain context from Keycloak: the realm's SP (entityID, ACS, clock skew, attribute sets), the
 * IdP's metadata (entityID, signing certificates) and the pending request that {@link SpidIdentityProvider#performLogin}
 * wrote into the authentication session.
 */
final class SpidRuleContexts {
    /** Attribute sets from this index on belong to eIDAS (FICEP), which is exempt from the requested-set checks. */
    static final int FIRST_EIDAS_ATTRIBUTE_SET = 99;

    private static final Logger LOG = Logger.getLogger(SpidRuleContexts.class);

    private SpidRuleContexts() {
    }

    static RuleContext of(KeycloakSession session, SpidIdentityProviderConfig idp, SpidServiceProviderConfig sp,
                          SpidEndpointUrls urls, AuthenticationSessionModel authSession) {
        Clock clock = Clock.systemUTC();
        return RuleContext.builder()
                .clock(clock)
                .skew(sp.clockSkewOrDefault())
                .request(pendingRequest(idp, sp, authSession).orElse(null))
                .idpEntityId(idp.getIdpEntityId())
                .acsUrl(urls.assertionConsumerService())
                .spEntityId(idp.serviceProviderEntityId(sp))
                .idpCertificates(signingCertificates(idp, clock.instant()))
                .seenAssertions(new ClusterSeenAssertions(session, clock))
                .build();
    }

    /** The request this browser session sent to this IdP, from the auth-session notes; empty when there is none. */
    static Optional<PendingRequest> pendingRequest(SpidIdentityProviderConfig idp, SpidServiceProviderConfig sp,
                                                   AuthenticationSessionModel authSession) {
        if (authSession == null || !idp.getAlias().equals(authSession.getClientNote(SpidIdentityProvider.NOTE_IDP_ALIAS))) {
            return Optional.empty();
        }
        String id = authSession.getClientNote(SamlProtocol.SAML_REQUEST_ID_BROKER);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        SpidLevel level = SpidLevel.fromUri(authSession.getClientNote(SpidIdentityProvider.NOTE_REQUESTED_LEVEL)).orElse(SpidLevel.L2);
        LevelComparison comparison = LevelComparison.parse(authSession.getClientNote(SpidIdentityProvider.NOTE_COMPARISON))
                .orElse(LevelComparison.MINIMUM);
        Instant issued = instant(authSession.getClientNote(SpidIdentityProvider.NOTE_REQUEST_ISSUE_INSTANT));
        return Optional.of(new PendingRequest(id, issued, level, comparison, requestedAttributes(idp, sp, authSession)));
    }

    private static RequestedAttributes requestedAttributes(SpidIdentityProviderConfig idp, SpidServiceProviderConfig sp,
                                                           AuthenticationSessionModel authSession) {
        int index;
        try {
            index = Integer.parseInt(authSession.getClientNote(SpidIdentityProvider.NOTE_ATTRIBUTE_SET));
        } catch (NumberFormatException e) {
            index = idp.attributeConsumingServiceIndexOrDefault();
        }
        if (index >= FIRST_EIDAS_ATTRIBUTE_SET) {
            return RequestedAttributes.exempt();
        }
        return RequestedAttributes.of(idp.requestedAttributes(sp, index).orElse(List.of()));
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        return SamlInstant.parse(value).orElseGet(() -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    /** The IdP's signing certificates from its metadata that are valid now (as Keycloak's own SAML broker does). */
    static List<X509Certificate> signingCertificates(SpidIdentityProviderConfig idp, Instant now) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String base64 : idp.getSigningCertificates()) {
            try {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""))));
                certificate.checkValidity(Date.from(now));
                certificates.add(certificate);
            } catch (CertificateException | IllegalArgumentException e) {
                LOG.warnf("SPID IdP %s: ignoring a signing certificate that cannot be used (%s)", idp.getAlias(), e.getClass().getSimpleName());
            }
        }
        return certificates;
    }
}
