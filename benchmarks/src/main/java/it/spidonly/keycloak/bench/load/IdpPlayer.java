package it.spidonly.keycloak.bench.load;

import java.time.Instant;
import java.util.Map;

import it.spidonly.keycloak.testsupport.idp.CieResponses;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder;

/**
 * The SPID IdP's part of a login: a fresh SPID Response for the AuthnRequest Keycloak just produced (its ID as
 * InResponseTo, its Issuer as Audience, now as IssueInstant/NotBefore), signed (Assertion, then Response) with
 * the IdP key the realm trusts, by the test IdP's {@link SpidResponseBuilder}. The same document goes to both
 * brokers: a SPID Response is a valid SAML 2.0 Web SSO Response. It also answers as FICEP and as CIE, each with an
 * entityID of its own (a realm IdP of that type trusts it) and the same key.
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

    /** The entityID this player uses when it answers as CIE (a CIE IdP of the realm has it). */
    public String cieEntityId() {
        return entityId + "/cie";
    }

    /** The base64 SAMLResponse (HTTP-POST binding) for {@code request}, posted to {@code acsUrl}, as a SPID IdP. */
    String respond(AuthnRequestForm request, String acsUrl, Citizen citizen) {
        return respond(request, acsUrl, citizen, Target.Answer.SPID);
    }

    /** As {@link #respond(AuthnRequestForm, String, Citizen)}, answering as {@code answer} says (entityID, attributes). */
    String respond(AuthnRequestForm request, String acsUrl, Citizen citizen, Target.Answer answer) {
        String issuer = switch (answer) {
            case SPID -> entityId;
            case FICEP -> ficepEntityId();
            case CIE -> cieEntityId();
        };
        Map<String, String> attributes = switch (answer) {
            case SPID -> citizen.spidAttributes();
            case FICEP -> citizen.ficepAttributes();
            case CIE -> citizen.cieAttributes();
        };
        SpidResponseBuilder response = SpidResponseBuilder.of(issuer, credential)
                .audience(request.issuer())
                .acs(acsUrl)
                .inResponseTo(request.id())
                .level(2)
                .attributes(attributes)
                .issuedAt(Instant.now());
        return answer == Target.Answer.CIE ? response.base64(CieResponses.baseline()) : response.base64();
    }
}
