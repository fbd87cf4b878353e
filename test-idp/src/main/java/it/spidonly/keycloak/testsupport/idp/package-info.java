/**
 * A SPID test identity provider: a small SAML 2.0 IdP that behaves like an AgID-accredited SPID IdP, for the
 * integration tests (in-process) and the demo ({@link it.spidonly.keycloak.testsupport.idp.SpidTestIdpMain}).
 *
 * <pre>{@code
 * try (SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(spMetadataUrl).build())) {
 *     // configure the SP with idp.metadataUrl(), let it send an AuthnRequest, then:
 *     ReceivedAuthnRequest request = idp.receivedRequests().get(0);
 *     String samlResponse = idp.buildSamlResponse(request, TestUser.demoUsers().get(0),
 *             ResponseMutations.withAudience("https://someone-else.example"));
 *     // POST SAMLResponse (+ request.relayState()) to idp.acsUrlFor(request) and assert the SP refuses it
 * }
 * }</pre>
 *
 * <p>Design: "valid baseline + one mutation". {@code BaselineResponseWriter} writes a Response that follows the SPID
 * rules (Regole tecniche, Response and Assertion); each {@link it.spidonly.keycloak.testsupport.idp.ResponseMutation}
 * changes one thing before signing, between the Assertion's and the Response's signature, or after signing
 * ({@link it.spidonly.keycloak.testsupport.idp.ResponseEdits}, {@link it.spidonly.keycloak.testsupport.idp.Where}).
 * {@link it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder} builds the same responses without a server;
 * {@link it.spidonly.keycloak.testsupport.idp.ResponseCatalogue} lists every case an SP must accept or refuse, with
 * its expected outcome (XSW1–8 in {@link it.spidonly.keycloak.testsupport.idp.XmlSignatureWrapping}). Requests are parsed with Keycloak's {@code DocumentUtil} (no DTDs, no
 * external entities) and their signatures checked with Keycloak's {@code XMLSignatureUtil} (HTTP-POST) or over the
 * raw query string (HTTP-Redirect), against the certificates in the SP metadata, which is fetched lazily and again
 * when a signature does not verify. State (received requests, pending logins) lives in memory: this is a test tool,
 * never deployed into Keycloak. Its demo key ({@code spid-test-idp/demo-idp-key.pem}) is public.
 */
package it.spidonly.keycloak.testsupport.idp;
