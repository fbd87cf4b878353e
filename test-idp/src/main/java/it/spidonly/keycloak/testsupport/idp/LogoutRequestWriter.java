package it.spidonly.keycloak.testsupport.idp;

import java.time.Clock;


/** A signed, IdP-initiated LogoutRequest (SAML core 3.7.1) for a session the IdP opened at a service provider. */
final class LogoutRequestWriter {
    private final String entityId;
    private final SigningCredential credential;
    private final Clock clock;

    LogoutRequestWriter(String entityId, SigningCredential credential, Clock clock) {
        this.entityId = entityId;
        this.credential = credential;
        this.clock = clock;
    }

    /** The base64 SAMLRequest for the HTTP-POST binding. */
    String write(String nameId, String sessionIndex, String destination) {
        String xml = """
                <samlp:LogoutRequest xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
                Destination="%s"><saml:Issuer Format="%s" NameQualifier="%s">%s</saml:Issuer>\
                <saml:NameID Format="%s" NameQualifier="%s">%s</saml:NameID>\
                <samlp:SessionIndex>%s</samlp:SessionIndex></samlp:LogoutRequest>"""
                .formatted(SamlDom.PROTOCOL_NS, SamlDom.ASSERTION_NS, RandomIds.samlId(), SamlTime.format(clock.instant()),
                        Html.escape(destination), SamlUris.NAMEID_ENTITY, Html.escape(entityId), Html.escape(entityId),
                        SamlUris.NAMEID_TRANSIENT, Html.escape(entityId), Html.escape(nameId), Html.escape(sessionIndex));
        return SignedProtocolMessage.postEncoded(xml, credential);
    }
}
