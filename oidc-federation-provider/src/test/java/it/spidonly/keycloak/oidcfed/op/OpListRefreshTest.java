package it.spidonly.keycloak.oidcfed.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The alias a listed OP gets: the provider id, then host, port and path in [a-z0-9-]. */
class OpListRefreshTest {
    @Test
    void aliasesAreStableAndSafe() {
        assertEquals("cie-oidc-oidc-idserver-servizicie-interno-gov-it",
                OpListRefresh.alias("cie-oidc", "https://oidc.idserver.servizicie.interno.gov.it"));
        assertEquals("spid-oidc-127-0-0-1-8080-op", OpListRefresh.alias("spid-oidc", "http://127.0.0.1:8080/op/"));
    }
}
