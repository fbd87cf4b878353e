package it.spidonly.keycloak.spid.metadata;

/** Namespaces and fixed URIs of SAML 2.0 and of the SPID extensions. */
public final class SamlNames {
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    public static final String MDUI = "urn:oasis:names:tc:SAML:metadata:ui";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    public static final String SPID = "https://spid.gov.it/saml-extensions";
    public static final String SPID_INVOICING = "https://spid.gov.it/invoicing-extensions";
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public static final String NAMEID_ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private SamlNames() {
    }
}
