package it.spidonly.keycloak.testsupport.idp;

/**
 * The outcome of checking an AuthnRequest signature.
 *
 * @param valid   whether the signature verified with a key from the SP metadata
 * @param problem why it did not (null when valid)
 */
record SignatureCheck(boolean valid, String problem) {

    static SignatureCheck ok() {
        return new SignatureCheck(true, null);
    }

    static SignatureCheck failed(String problem) {
        return new SignatureCheck(false, problem);
    }
}
