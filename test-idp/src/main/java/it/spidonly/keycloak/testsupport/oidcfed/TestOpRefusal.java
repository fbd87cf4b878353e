package it.spidonly.keycloak.testsupport.oidcfed;

/** What the test OP refuses, with the OAuth error code it answers. */
final class TestOpRefusal extends RuntimeException {
    final String error;

    TestOpRefusal(String error, String description) {
        super(description);
        this.error = error;
    }
}
