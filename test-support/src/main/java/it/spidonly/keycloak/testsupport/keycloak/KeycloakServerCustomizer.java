package it.spidonly.keycloak.testsupport.keycloak;

/**
 * Adds server options or environment to the shared test Keycloak before it starts.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/it.spidonly.keycloak.testsupport.keycloak.KeycloakServerCustomizer}
 * on the test class path. A service file, unlike a static call from a test class, applies
 * whatever test class happens to start the server first. They run after the system
 * properties described in {@link KeycloakOptions} have been read.
 */
public interface KeycloakServerCustomizer {

    void customize(KeycloakOptions options);
}
