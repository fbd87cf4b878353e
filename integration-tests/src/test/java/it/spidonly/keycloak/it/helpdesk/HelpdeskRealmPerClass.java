package it.spidonly.keycloak.it.helpdesk;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * What every help-desk IT starts from: one help-desk realm per test class on the shared Keycloak, made by
 * {@link #helpdeskRealm} before the first test and deleted after the last, and the SMTP server on loopback that
 * receives its e-mails (one per class, as the field lives as long as the class's instance).
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HelpdeskRealmPerClass {
    @RegisterExtension
    final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    HelpdeskFixture fixture;

    /** The class's realm, e.g. {@code HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-x", "P2Y")}. */
    abstract HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail);

    @BeforeAll
    void createHelpdeskRealm(KeycloakServer keycloak) {
        fixture = helpdeskRealm(keycloak, mail);
    }

    @AfterAll
    void deleteHelpdeskRealm() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
