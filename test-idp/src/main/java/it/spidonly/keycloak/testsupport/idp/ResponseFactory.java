package it.spidonly.keycloak.testsupport.idp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the Response for a received AuthnRequest: the SPID baseline, then the mutations, signing in between
 * (see {@link ResponseMutation}), encoded for the HTTP-POST binding (base64 of the UTF-8 XML).
 */
final class ResponseFactory {

    private final String idpEntityId;
    private final SpMetadataSource spMetadata;
    private final SigningCredential credential;
    private final Clock clock;
    private final boolean cie;

    ResponseFactory(String idpEntityId, SpMetadataSource spMetadata, SigningCredential credential, Clock clock) {
        this(idpEntityId, spMetadata, credential, clock, false);
    }

    /** {@code cie}: answer as the CIE IdP does ({@link CieResponses}). */
    ResponseFactory(String idpEntityId, SpMetadataSource spMetadata, SigningCredential credential, Clock clock, boolean cie) {
        this.idpEntityId = idpEntityId;
        this.spMetadata = spMetadata;
        this.credential = credential;
        this.clock = clock;
        this.cie = cie;
    }

    /**
     * The base64 SAMLResponse. When the user's credentials cannot reach the requested level the baseline becomes a
     * SPID ErrorCode nr20 response before any other mutation runs. {@code user} may be null when a mutation removes
     * the assertion (e.g. {@link ResponseMutations#statusError}).
     */
    String build(ReceivedAuthnRequest request, TestUser user, ResponseMutation... mutations) {
        SpMetadata sp = spMetadata.configured() ? spMetadata.current() : null;
        SpidLevel requested = SpidLevel.fromUri(request.authnContextClassRef()).orElse(SpidLevel.L1);
        Optional<SpidLevel> level = user == null ? Optional.of(requested)
                : LevelChoice.answer(requested, request.comparison(), user.spidLevel());
        List<ResponseMutation> all = new ArrayList<>();
        if (cie) {
            all.add(CieResponses.baseline());
        }
        if (level.isEmpty()) {
            all.add(ResponseMutations.statusError(cie ? CieResponses.LEVEL_NOT_AVAILABLE : "20"));
        }
        all.addAll(List.of(mutations));
        return SpidResponseBuilder.of(idpEntityId, credential)
                .audience(sp == null ? request.issuer() : sp.entityId())
                .acs(acsUrlFor(request))
                .inResponseTo(request.id())
                .level(level.orElse(requested).number())
                .attributes(cie ? CieResponses.attributes(user) : RequestedAttributes.select(sp, request, user))
                .issuedAt(clock.instant())
                .base64(all);
    }

    /**
     * The request's AssertionConsumerServiceURL, else the SP metadata's HTTP-POST ACS with the request's
     * AssertionConsumerServiceIndex, else the default ACS (SPID: {@code index="0" isDefault="true"}).
     */
    String acsUrlFor(ReceivedAuthnRequest request) {
        if (request.assertionConsumerServiceUrl() != null) {
            return request.assertionConsumerServiceUrl();
        }
        Integer index = request.assertionConsumerServiceIndex();
        return spMetadata.current().acsUrl(index).orElseThrow(() -> new IllegalStateException(
                "The SP metadata has no HTTP-POST AssertionConsumerService " + (index == null ? "(default)" : "index " + index)));
    }
}
