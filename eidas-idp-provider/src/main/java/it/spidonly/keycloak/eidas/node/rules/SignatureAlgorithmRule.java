package it.spidonly.keycloak.eidas.node.rules;

/** eIDAS Cryptographic Requirements v1.2, 2.3: every signature is RSASSA-PSS or ECDSA with SHA-256 or more; no RSA PKCS#1 v1.5, no SHA-1 digest. */
final class SignatureAlgorithmRule implements EidasRule {
    static final String ID = "eidas.response.signature-algorithm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return !response.signatureAlgorithms().isEmpty()
                && it.spidonly.keycloak.eidas.node.EidasAlgorithms.SIGNATURES.containsAll(response.signatureAlgorithms())
                && it.spidonly.keycloak.eidas.node.EidasAlgorithms.DIGESTS.containsAll(response.digestAlgorithms());
    }
}
