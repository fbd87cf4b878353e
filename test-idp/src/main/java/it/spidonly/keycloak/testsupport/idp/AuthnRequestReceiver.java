package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.w3c.dom.Document;

/**
 * Reads an AuthnRequest from either binding, checks its signature against the SP metadata (fetching the metadata
 * again once when the check fails with cached metadata: the SP may have rotated its keys) and records it.
 */
final class AuthnRequestReceiver {

    private final SpMetadataSource spMetadata;
    private final Clock clock;
    private final Consumer<ReceivedAuthnRequest> log;
    private final String expectedRoot;

    AuthnRequestReceiver(SpMetadataSource spMetadata, Clock clock, Consumer<ReceivedAuthnRequest> log) {
        this(spMetadata, clock, log, "AuthnRequest");
    }

    /** A receiver for another request type, e.g. {@code LogoutRequest} at the SingleLogoutService. */
    AuthnRequestReceiver(SpMetadataSource spMetadata, Clock clock, Consumer<ReceivedAuthnRequest> log, String expectedRoot) {
        this.expectedRoot = expectedRoot;
        this.spMetadata = spMetadata;
        this.clock = clock;
        this.log = log;
    }

    ReceivedAuthnRequest receivePost(FormParameters form) {
        byte[] xml = AuthnRequestDecoder.decodePost(form.get("SAMLRequest"));
        Document document = AuthnRequestDecoder.parse(xml, expectedRoot);
        SignatureCheck check = check(keys -> PostSignatureVerifier.verify(document, keys));
        return record(new ReceivedAuthnRequest(ReceivedAuthnRequest.POST, new String(xml, StandardCharsets.UTF_8),
                document, form.get("RelayState"), null, null, check, clock.instant()));
    }

    ReceivedAuthnRequest receiveRedirect(FormParameters query) {
        byte[] xml = AuthnRequestDecoder.decodeRedirect(query.get("SAMLRequest"));
        Document document = AuthnRequestDecoder.parse(xml, expectedRoot);
        SignatureCheck check = check(keys -> RedirectSignatureVerifier.verify(query, keys));
        return record(new ReceivedAuthnRequest(ReceivedAuthnRequest.REDIRECT, new String(xml, StandardCharsets.UTF_8),
                document, query.get("RelayState"), query.get("SigAlg"), query.get("Signature"), check, clock.instant()));
    }

    private SignatureCheck check(Function<List<PublicKey>, SignatureCheck> verifier) {
        if (!spMetadata.configured()) {
            return SignatureCheck.failed("No SP metadata URL is configured, so no key can verify the request");
        }
        try {
            boolean wasCached = spMetadata.cached();
            SignatureCheck check = verifier.apply(spMetadata.current().signingKeys());
            return check.valid() || !wasCached ? check : verifier.apply(spMetadata.refresh().signingKeys());
        } catch (IllegalStateException e) {
            return SignatureCheck.failed(e.getMessage());
        }
    }

    private ReceivedAuthnRequest record(ReceivedAuthnRequest request) {
        log.accept(request);
        return request;
    }
}
