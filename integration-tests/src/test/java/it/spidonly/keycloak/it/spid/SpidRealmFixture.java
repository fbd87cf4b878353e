package it.spidonly.keycloak.it.spid;

import java.util.UUID;

import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/** A fresh ministry realm on the shared Keycloak, with its own SPID test IdP; closed by the test class. */
final class SpidRealmFixture implements AutoCloseable {
    static final String APP = "ministry-demo-app";
    static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String IDP_ALIAS = "spid-test-idp";

    final KeycloakServer keycloak;
    final SpidRealm realm;
    final SpidTestIdp idp;

    private SpidRealmFixture(KeycloakServer keycloak, SpidRealm realm, SpidTestIdp idp) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.idp = idp;
    }

    static SpidRealmFixture create(KeycloakServer keycloak, String prefix, boolean postBinding) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder()
                .port(0)
                .spMetadataUrl(keycloak.realmUrl(name) + "/spid/metadata")
                .users(TestUser.demoUsers())
                .build());
        SpidRealm realm = SpidRealm.named(name)
                .testIdp(idp.baseUrl(), idp.entityId(), idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .postBindingAuthnRequest(postBinding)
                // these tests are about the server's SPID behaviour; the spid-only theme has its own ITs
                .loginTheme("keycloak.v2");
        keycloak.admin().importRealm(realm.toJson());
        return new SpidRealmFixture(keycloak, realm, idp);
    }

    String name() {
        return realm.realm();
    }

    String realmUrl() {
        return keycloak.realmUrl(name());
    }

    String metadataUrl() {
        return realmUrl() + "/spid/metadata";
    }

    String acsUrl() {
        return realmUrl() + "/spid/acs";
    }

    @Override
    public void close() {
        idp.close();
        keycloak.admin().deleteRealm(name());
    }
}
