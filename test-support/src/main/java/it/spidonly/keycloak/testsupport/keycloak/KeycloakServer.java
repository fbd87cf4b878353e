package it.spidonly.keycloak.testsupport.keycloak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real Keycloak distribution, started once for the whole test run and shared by every test class.
 *
 * <pre>
 * &#64;ExtendWith(KeycloakServer.class)
 * class LoginIT {
 *     &#64;Test
 *     void logsIn(KeycloakServer keycloak) { ... keycloak.realmUrl("spid") ... }
 * }
 * </pre>
 *
 * <p>The first test class that needs it copies the provider jars of {@code -Dkeycloak.providers} into
 * {@code ${keycloak.home}/providers/} (only those whose bytes changed), copies every class-path
 * {@code keycloak-import/*.json} into {@code data/import/} (Keycloak insists on the name
 * {@code REALM-realm.json}), and runs {@code kc.sh start-dev} with an
 * in-memory database on free loopback ports, logging to {@code ${test.output}/keycloak.log}. The server
 * lives in the root {@link ExtensionContext} store and is stopped when the run ends (or by a JVM
 * shutdown hook if the run is interrupted). A failed start is remembered, so later classes fail fast.
 * Extra options: see {@link KeycloakOptions} and {@link KeycloakServerCustomizer}.
 */
public final class KeycloakServer implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServer.class);

    private volatile Started started;

    /** Used by JUnit; the instance becomes usable once its {@code beforeAll} has run. */
    public KeycloakServer() {
    }

    /** The shared server, started if needed: for other extensions that depend on Keycloak. */
    public static KeycloakServer running(ExtensionContext context) {
        KeycloakServer server = new KeycloakServer();
        server.started = startOnce(context);
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = startOnce(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        started = startOnce(context);
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + started().process.httpPort();
    }

    /** {@code http://127.0.0.1:PORT/realms/REALM}: the realm's issuer. */
    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The server's stdout and stderr. */
    public Path logFile() {
        return started().process.logFile();
    }

    /** Last lines of the server log, for assertion messages. */
    public String logTail() {
        return started().process.logTail();
    }

    /** Admin REST client logged in to the master realm as the bootstrap admin. */
    public KeycloakAdmin admin() {
        return started().admin;
    }

    /** Names of the realm files that were imported at start ({@code keycloak-import/} on the class path). */
    public List<String> importedRealmFiles() {
        return started().realmFiles;
    }

    private Started started() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("Keycloak is not started here: register KeycloakServer with "
                    + "@ExtendWith on the test class, or use KeycloakServer.running(context)");
        }
        return s;
    }

    private static Started startOnce(ExtensionContext context) {
        Attempt attempt = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Attempt.class, key -> Attempt.start(), Attempt.class);
        if (attempt.failure != null) {
            throw new IllegalStateException("Keycloak did not start (see the first failing test class)",
                    attempt.failure);
        }
        return attempt.started;
    }

    private record Started(KeycloakProcess process, KeycloakAdmin admin, List<String> realmFiles) {
    }

    /** The outcome of the one start of the run, closed by JUnit when the root context closes. */
    private record Attempt(Started started, RuntimeException failure) implements CloseableResource {

        static Attempt start() {
            long begin = System.nanoTime();
            KeycloakProcess process = null;
            try {
                KeycloakHome home = new KeycloakHome(Path.of(requiredProperty("keycloak.home")));
                String providers = System.getProperty("keycloak.providers");
                if (providers != null && !providers.isBlank()) {
                    home.syncProviders(Path.of(providers));
                }
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                var realms = RealmImports.find(loader);
                home.replaceRealmImports(realms);
                KeycloakOptions options = KeycloakOptions.fromSystemProperties(System.getProperties());
                ServiceLoader.load(KeycloakServerCustomizer.class, loader).forEach(c -> c.customize(options));

                Path log = Path.of(System.getProperty("test.output", "target")).resolve("keycloak.log");
                process = KeycloakProcess.launch(home, options, log);
                process.awaitReady(options.readyTimeout());
                KeycloakAdmin admin = new KeycloakAdmin("http://127.0.0.1:" + process.httpPort());
                System.out.printf("Keycloak ready at http://127.0.0.1:%d after %d s (log: %s)%n",
                        process.httpPort(), Duration.ofNanos(System.nanoTime() - begin).toSeconds(), log);
                return new Attempt(new Started(process, admin, List.copyOf(realms.keySet())), null);
            } catch (RuntimeException | Error e) {
                if (process != null) {
                    process.stop();
                }
                if (e instanceof Error error) {
                    throw error;
                }
                return new Attempt(null, (RuntimeException) e);
            }
        }

        @Override
        public void close() {
            if (started != null) {
                started.process.stop();
            }
        }

        private static String requiredProperty(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("System property " + name + " is not set: run the tests through "
                        + "Maven failsafe in integration-tests, which sets keycloak.home, keycloak.providers "
                        + "and test.output");
            }
            return value;
        }
    }
}
