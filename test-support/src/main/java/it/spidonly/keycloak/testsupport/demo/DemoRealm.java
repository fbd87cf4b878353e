package it.spidonly.keycloak.testsupport.demo;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * Prints the demo realm (the project's realm template) for a SPID test IdP running with the public demo key:
 * {@code DemoRealm <realm> <keycloakBaseUrl> <idpBaseUrl>}. Used by {@code bin/demo}.
 */
public final class DemoRealm {
    private DemoRealm() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DemoRealm <realm> <keycloakBaseUrl> <idpBaseUrl>");
            System.exit(2);
        }
        String realm = args[0];
        String idp = args[2];
        System.out.println(SpidRealm.named(realm)
                .testIdp(idp, idp, SigningCredential.demo().certificateBase64())
                .appRedirectUri(args[1] + "/realms/" + realm + "/account/*")
                .toJson());
    }
}
