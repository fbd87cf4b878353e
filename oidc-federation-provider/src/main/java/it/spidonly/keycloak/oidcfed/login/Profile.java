package it.spidonly.keycloak.oidcfed.login;

import java.util.List;

/**
 * What differs between SPID and CIE over OIDC Federation (SPID/CIE OIDC, "Differenze SPID CIE"): the scope, where the
 * attributes come from, and whether the authorization response's {@code iss} must be checked.
 */
public enum Profile {
    SPID("openid", List.of("given_name", "family_name", "birthdate", "place_of_birth", "gender", "email",
            "phone_number", "address", Claims.FISCAL_NUMBER, Claims.SPID_CODE, Claims.E_DELIVERY_SERVICE), false),
    CIE("openid profile email", List.of("given_name", "family_name", "birthdate", "place_of_birth", "gender", "email",
            "email_verified", "phone_number", "address", Claims.FISCAL_NUMBER), true);

    private final String scope;
    private final List<String> userinfoClaims;
    private final boolean responseIssuerRequired;

    Profile(String scope, List<String> userinfoClaims, boolean responseIssuerRequired) {
        this.scope = scope;
        this.userinfoClaims = userinfoClaims;
        this.responseIssuerRequired = responseIssuerRequired;
    }

    public String scope() {
        return scope;
    }

    /** Asked for under {@code claims.userinfo} (SPID: only there, never in the ID token). */
    public List<String> userinfoClaims() {
        return userinfoClaims;
    }

    /** CIE: the RP MUST check the {@code iss} of the authorization response (RFC 9207). */
    public boolean responseIssuerRequired() {
        return responseIssuerRequired;
    }
}
