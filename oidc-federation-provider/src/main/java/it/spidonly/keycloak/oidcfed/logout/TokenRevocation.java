package it.spidonly.keycloak.oidcfed.logout;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import it.spidonly.keycloak.oidcfed.login.ClientAssertion;
import it.spidonly.keycloak.oidcfed.login.OpHttp;
import it.spidonly.keycloak.oidcfed.login.OpMetadata;
import it.spidonly.keycloak.oidcfed.login.RpCredentials;

/**
 * Logout at the OP as SPID/CIE OIDC provide it ("Logout", "Revocation Endpoint"; RFC 7009): no end-session or
 * front/back-channel logout exists, so the RP revokes the access token, authenticated with {@code private_key_jwt}
 * ({@code aud} = the revocation endpoint). SPID: the OP then revokes the linked refresh tokens and ends its SSO
 * session. CIE: every active access token is revoked ({@code offline_access} refresh tokens survive, as CIE says).
 */
public final class TokenRevocation {

    private TokenRevocation() {
    }

    /** @return the OP's status (200 also for unknown tokens), or -1 when it has no revocation endpoint */
    public static int revoke(OpHttp http, RpCredentials rp, OpMetadata op, String accessToken, Instant now) throws IOException {
        if (op.revocationEndpoint() == null || accessToken == null) {
            return -1;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", accessToken);
        form.put("token_type_hint", "access_token");
        form.putAll(ClientAssertion.parameters(rp, op.revocationEndpoint(), now));
        return http.postForm(op.revocationEndpoint(), form).status();
    }
}
