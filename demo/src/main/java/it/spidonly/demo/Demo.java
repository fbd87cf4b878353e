package it.spidonly.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.spidonly.keycloak.testsupport.testidp.TestIdpOptions;
import it.spidonly.keycloak.testsupport.testidp.TestIdps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running demo: the mail catcher, the test IdPs (three SPID IdPs, FICEP, a Spanish eIDAS node), Keycloak
 * (start-dev, H2) with the bundle, the realm {@value DemoRealmSetup#REALM} made through the admin REST API, and the
 * ministry app. {@link #close} stops everything it started, Keycloak's process tree included.
 */
public final class Demo implements AutoCloseable {
    public static final String REALM = DemoRealmSetup.REALM;

    private final List<AutoCloseable> started = new ArrayList<>();
    private MailCatcher mail;
    private TestIdps idps;
    private KeycloakDev keycloak;
    private MinistryApp app;
    private String keycloakUrl;
    private Path workDir;

    private Demo() {
    }

    /** Starts everything; on failure stops what had started and rethrows. */
    static Demo start(DemoOptions options) {
        Demo demo = new Demo();
        try {
            demo.run(options);
            return demo;
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
    }

    /** For tests of the demo: the same start as bin/demo's, every port free. */
    public static Demo startOnFreePorts(Path keycloakDistribution, Path providers, Path workDir) {
        return start(new DemoOptions(keycloakDistribution, providers, workDir, 0, 0, 0, 0, 0, 0));
    }

    private void run(DemoOptions o) {
        workDir = o.workDir();
        int kcPort = port(o.keycloakPort());
        int mgmtPort = port(o.managementPort());
        keycloakUrl = "http://127.0.0.1:" + kcPort;
        String realmUrl = keycloakUrl + "/realms/" + REALM;
        mail = track(MailCatcher.start(port(o.smtpPort()), o.mailPort()));
        TestIdpOptions idpOptions = TestIdpOptions.defaults().with(o.firstIdpPort(), 3, true, realmUrl + "/spid/metadata",
                realmUrl + "/broker/eidas-es/endpoint/descriptor", "Spain", null, null);
        idps = track(TestIdps.start(new TestIdpOptions(idpOptions.firstPort(), idpOptions.spidCount(), idpOptions.spMetadataUrl(),
                idpOptions.ficep(), idpOptions.eidasNodeSpMetadataUrl(), idpOptions.eidasNodeCountry(), true, null, null)));
        keycloak = track(KeycloakDev.launch(o.keycloakDistribution(), o.providers(), o.workDir(), kcPort, mgmtPort));
        app = track(MinistryApp.start(o.appPort(), realmUrl));
        keycloak.awaitReady(Duration.ofMinutes(10));
        new DemoRealmSetup(new AdminClient(keycloakUrl, KeycloakDev.ADMIN, KeycloakDev.ADMIN_PASSWORD), REALM)
                .run(idps, app.baseUrl(), mail.smtpPort());
        writeState();
    }

    private <T extends AutoCloseable> T track(T closeable) {
        started.add(0, closeable);
        return closeable;
    }

    private static int port(int wanted) {
        if (wanted != 0) {
            return wanted;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code demo.json} in the work directory: every URL, for bin/demo's helpers and the walkthrough test. */
    private void writeState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("keycloak", keycloakUrl);
        state.put("realm", REALM);
        state.put("app", app.baseUrl());
        state.put("mail", mail.url());
        state.put("idps", idps.served());
        try {
            Files.writeString(workDir.resolve("demo.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String realmUrl() {
        return keycloakUrl + "/realms/" + REALM;
    }

    public String appUrl() {
        return app.baseUrl() + "/";
    }

    public String mailUrl() {
        return mail.url();
    }

    public String adminConsoleUrl() {
        return keycloakUrl + "/admin/master/console/#/" + REALM;
    }

    public String helpdeskConsoleUrl() {
        return realmUrl() + "/helpdesk-console/";
    }

    public List<TestIdps.Served> idps() {
        return idps.served();
    }

    /** Keycloak's process tree. */
    public List<ProcessHandle> keycloakProcesses() {
        return keycloak == null ? List.of() : keycloak.processes();
    }

    /** Moves the cutover: {@code now} (the legacy password is refused from this minute) or {@code later}. */
    public void cutover(boolean now) {
        Cutover.move(keycloakUrl, now);
    }

    /** The text bin/demo prints once everything is up. */
    public String guide(long readySeconds) {
        return DemoGuide.text(this, readySeconds);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : started) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("demo: stopping " + closeable.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
