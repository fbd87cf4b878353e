package it.spidonly.keycloak.testsupport.idp;

import java.time.Clock;


/**
 * A signed LogoutResponse (SAML core 3.7.2) answering a service provider's LogoutRequest: Destination = the SP's
 * SingleLogoutService, InResponseTo = the request ID, Issuer with entity Format, status Success.
 */
final class LogoutResponseWriter {
    private final String entityId;
    private final SigningCredential credential;
    private final Clock clock;

    LogoutResponseWriter(String entityId, SigningCredential credential, Clock clock) {
        this.entityId = entityId;
        this.credential = credential;
        this.clock = clock;
    }

    /** The base64 SAMLResponse for the HTTP-POST binding. */
    String write(String inResponseTo, String destination) {
        String xml = """
                <samlp:LogoutResponse xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
                InResponseTo="%s" Destination="%s"><saml:Issuer Format="%s" NameQualifier="%s">%s</saml:Issuer>\
                <samlp:Status><samlp:StatusCode Value="%s"/></samlp:Status></samlp:LogoutResponse>"""
                .formatted(SamlDom.PROTOCOL_NS, SamlDom.ASSERTION_NS, RandomIds.samlId(), SamlTime.format(clock.instant()),
                        Html.escape(inResponseTo), Html.escape(destination), SamlUris.NAMEID_ENTITY, Html.escape(entityId),
                        Html.escape(entityId), SamlUris.STATUS_SUCCESS);
        return SignedProtocolMessage.postEncoded(xml, credential);
    }
}
