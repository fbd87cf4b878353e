package it.spidonly.keycloak.testsupport.idp;

/** A SAMLRequest the test IdP cannot even read; its message is shown on the 400 page. */
final class SamlRequestRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SamlRequestRejected(String message) {
        super(message);
    }

    SamlRequestRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
