package it.spidonly.keycloak.bench.load;

import java.time.Instant;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder;

/**
 * The SPID IdP's part of a login: a fresh SPID Response for the AuthnRequest Keycloak just produced (its ID as
 * InResponseTo, its Issuer as Audience, now as IssueInstant/NotBefore), signed (Assertion, then Response) with
 * the IdP key the realm trusts, by the test IdP's {@link SpidResponseBuilder}. The same document goes to both
 * brokers: a SPID Response is a valid SAML 2.0 Web SSO Response.
 */
public final class IdpPlayer {
    private final String entityId;
    private final SigningCredential credential;

    public IdpPlayer(String entityId, SigningCredential credential) {
        this.entityId = entityId;
        this.credential = credential;
    }

    public String entityId() {
        return entityId;
    }

    public SigningCredential credential() {
        return credential;
    }

    /** The entityID this player uses when it answers as FICEP (a FICEP IdP of the realm has it). */
    public String ficepEntityId() {
        return entityId + "/ficep";
    }

    /** The base64 SAMLResponse (HTTP-POST binding) for {@code request}, posted to {@code acsUrl}. */
    String respond(AuthnRequestForm request, String acsUrl, Citizen citizen) {
        return respond(request, acsUrl, citizen, false);
    }

    /** As {@link #respond(AuthnRequestForm, String, Citizen)}; {@code eidas}: as FICEP (its entityID, set 99). */
    String respond(AuthnRequestForm request, String acsUrl, Citizen citizen, boolean eidas) {
        return SpidResponseBuilder.of(eidas ? ficepEntityId() : entityId, credential)
                .audience(request.issuer())
                .acs(acsUrl)
                .inResponseTo(request.id())
                .level(2)
                .attributes(eidas ? citizen.ficepAttributes() : citizen.spidAttributes())
                .issuedAt(Instant.now())
                .base64();
    }
}
