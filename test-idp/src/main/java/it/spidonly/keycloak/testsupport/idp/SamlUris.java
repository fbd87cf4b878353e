package it.spidonly.keycloak.testsupport.idp;

/** SAML 2.0 and XML-DSig identifiers used by the test IdP. */
final class SamlUris {

    static final String VERSION = "2.0";
    static final String NAMEID_ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    static final String CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String ATTRNAME_BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    static final String STATUS_AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";

    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    static final String CM_HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private SamlUris() {
    }
}
