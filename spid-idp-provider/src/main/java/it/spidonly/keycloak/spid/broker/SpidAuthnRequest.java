package it.spidonly.keycloak.spid.broker;

import java.net.URI;

import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.saml.SAML2AuthnRequestBuilder;
import org.keycloak.saml.SAML2NameIDPolicyBuilder;
import org.keycloak.saml.SAML2RequestedAuthnContextBuilder;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.metadata.SamlNames;

/**
 * Builds a SPID AuthnRequest (SPID Regole tecniche, "AuthnRequest"; Avviso n. 11 for Destination):
 * Issuer with NameQualifier and entity Format, transient NameIDPolicy without AllowCreate, ForceAuthn above
 * L1, AssertionConsumerServiceIndex 0 (the metadata's default ACS, shared by all IdPs) instead of a URL,
 * the AttributeConsumingServiceIndex, one AuthnContextClassRef with the Comparison. ID and UTC IssueInstant
 * come from Keycloak's builder ("ID_" + UUID: never starts with a digit).
 */
public final class SpidAuthnRequest {
    private SpidAuthnRequest() {
    }

    public static AuthnRequestType build(String spEntityId, String destination, int attributeConsumingServiceIndex,
                                         SpidLevel level, LevelComparison comparison, boolean forceReauthentication) {
        NameIDType issuer = new NameIDType();
        issuer.setValue(spEntityId);
        issuer.setNameQualifier(spEntityId);
        issuer.setFormat(URI.create(SamlNames.NAMEID_ENTITY));

        SAML2RequestedAuthnContextBuilder context = new SAML2RequestedAuthnContextBuilder()
                .setComparison(comparison.samlType())
                .addAuthnContextClassRef(level.uri());

        AuthnRequestType request = new SAML2AuthnRequestBuilder()
                .destination(destination)
                .issuer(issuer)
                .forceAuthn(level.requiresForceAuthn() || forceReauthentication)
                .nameIdPolicy(SAML2NameIDPolicyBuilder.format(SamlNames.NAMEID_TRANSIENT).setAllowCreate(null))
                .attributeConsumingServiceIndex(attributeConsumingServiceIndex)
                .requestedAuthnContext(context)
                .createAuthnRequest();
        request.setAssertionConsumerServiceURL(null);
        request.setProtocolBinding(null);
        request.setAssertionConsumerServiceIndex(0);
        return request;
    }
}
