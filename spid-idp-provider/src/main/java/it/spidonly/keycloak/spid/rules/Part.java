package it.spidonly.keycloak.spid.rules;

import java.util.Optional;

/** The two signed parts of a SPID Response; rules that apply to both take one and prefix their id with it. */
public enum Part {
    RESPONSE("spid.response"),
    ASSERTION("spid.assertion");

    private final String idPrefix;

    Part(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** E.g. {@code spid.assertion.issuer} for {@code ruleId("issuer")}. */
    public String ruleId(String check) {
        return idPrefix + "." + check;
    }

    public Optional<SpidResponse.Header> header(SpidResponse response) {
        return this == RESPONSE ? Optional.of(response.header()) : response.assertion().map(AssertionView::header);
    }

    public Optional<EnvelopedSignature> signature(SpidResponse response) {
        return this == RESPONSE ? Optional.of(response.signature()) : response.assertion().map(AssertionView::signature);
    }
}
