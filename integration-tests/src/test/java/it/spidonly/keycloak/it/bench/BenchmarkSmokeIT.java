package it.spidonly.keycloak.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.bench.load.AuthnRequestLegRun;
import it.spidonly.keycloak.bench.load.BenchRealm;
import it.spidonly.keycloak.bench.load.IdpPlayer;
import it.spidonly.keycloak.bench.load.LoadReport;
import it.spidonly.keycloak.bench.load.LoadRun;
import it.spidonly.keycloak.bench.load.ProcessStats;
import it.spidonly.keycloak.bench.load.Target;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * The benchmark's load driver in its smoke mode (5 logins per IdP and kind, concurrency 2, no warm-up) against the
 * shared test Keycloak, so that {@code bin/bench} keeps working. Only outcomes are asserted, never a timing: every
 * login ends with tokens, first-time citizens go through the first-broker-login flow and become users linked to
 * the IdP they came through, returning ones are the same users, and the report carries every figure.
 */
@ExtendWith(KeycloakServer.class)
class BenchmarkSmokeIT {
    private static final int LOGINS = 5;

    @Test
    void bothBrokersLogCitizensInAndTheReportHasEveryFigure(KeycloakServer keycloak) {
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4).toUpperCase();
        IdpPlayer idp = new IdpPlayer("https://idp.bench-smoke.example/" + tag, SigningCredential.generate("smoke IdP", 2048));
        BenchRealm realm = BenchRealm.create(keycloak.admin(), keycloak.baseUrl(), "bench-smoke-" + tag.toLowerCase(), idp);
        try {
            ProcessStats server = ProcessStats.javaRunning(Path.of(System.getProperty("keycloak.home")));
            LoadRun run = new LoadRun(realm, idp, server, new LoadRun.Settings(LOGINS, 2, 0, 1, tag), line -> { }, () -> { });
            LoadReport report = run.run();

            for (Target target : realm.targets()) {
                LoadReport.Figures first = report.figures(target.label(), LoadRun.FIRST);
                LoadReport.Figures returning = report.figures(target.label(), LoadRun.RETURNING);
                assertEquals(0, first.errors() + returning.errors(), () -> target.label() + " errors: "
                        + report.rounds().get(0).results().stream().flatMap(r -> r.errorSamples().stream()).toList());
                assertEquals(LOGINS, first.successes(), target.label());
                assertEquals(LOGINS, returning.successes(), target.label());
                assertEquals(LOGINS, first.firstBrokerLogins(), target.label() + ": every first-time login creates its user");
                assertEquals(0, returning.firstBrokerLogins(), target.label() + ": returning citizens are known users");
                for (int i = 0; i < LOGINS; i++) {
                    assertEquals(List.of(target.alias()), realm.linkedIdps(run.citizen(target, i).username()),
                            target.label() + " citizen " + i + " is a user linked to the IdP she came through");
                }
                var user = realm.user(run.citizen(target, 0).username());
                assertEquals("Bench", user.path("firstName").asText(), target.label() + ": the same SPID data stored by both brokers");
                assertEquals(run.citizen(target, 0).username() + "@bench.example", user.path("email").asText(), target.label());
                for (String attribute : List.of("fiscalNumber", "dateOfBirth", "spidCode")) {
                    assertTrue(!user.path("attributes").path(attribute).path(0).asText().isBlank(), target.label() + " " + attribute + ": " + user);
                }
                for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, LoadReport.BOTH)) {
                    LoadReport.Figures f = report.figures(target.label(), kind);
                    assertTrue(f.loginsPerSecond() > 0 && f.p50Millis() > 0 && f.p95Millis() >= f.p50Millis()
                            && f.p99Millis() >= f.p95Millis() && f.cpuMillisPerLogin() >= 0 && f.maxRssMib() > 0,
                            () -> "every figure of " + target.label() + " " + kind + ": " + f);
                }
            }
            assertEquals(2 * LOGINS, realm.userCount(), "one user per first-time citizen, none for returning ones");
            for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, LoadReport.BOTH)) {
                assertEquals(6, report.ratios(kind).size());
            }
            assertTrue(report.peakRssMib() > 0);
            String markdown = report.toMarkdown();
            assertTrue(markdown.contains("| spid |") && markdown.contains("| stock |") && markdown.contains("Ratios spid/stock"), markdown);
        } finally {
            realm.delete();
        }
    }

    /** Issue 19: a realm with a CIE IdP beside SPID and stock, and the AuthnRequest leg measured for each of them. */
    @Test
    void theAuthnRequestLegIsMeasuredForEveryTargetCieIncluded(KeycloakServer keycloak) {
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4).toUpperCase();
        IdpPlayer idp = new IdpPlayer("https://idp.bench-smoke.example/" + tag, SigningCredential.generate("smoke IdP", 2048));
        BenchRealm realm = BenchRealm.create(keycloak.admin(), keycloak.baseUrl(), "bench-leg-" + tag.toLowerCase(), idp,
                new BenchRealm.Shape(1, false, true));
        try {
            ProcessStats server = ProcessStats.javaRunning(Path.of(System.getProperty("keycloak.home")));
            assertEquals(List.of("spid", "stock", "cie"), realm.targets().stream().map(Target::label).toList());
            LoadReport logins = new LoadRun(realm, idp, server, new LoadRun.Settings(2, 2, 0, 1, tag), line -> { }, () -> { }).run();
            assertEquals(0, logins.figures("cie", LoadReport.BOTH).errors(), "CIE logins through the player's CIE answers");
            assertEquals(2, logins.figures("cie", LoadRun.FIRST).firstBrokerLogins());

            List<AuthnRequestLegRun.Result> leg = AuthnRequestLegRun.run(realm, realm.driver(idp), server, 3, 2, 2, line -> { });
            for (String target : List.of("spid", "stock", "cie")) {
                AuthnRequestLegRun.Result mean = AuthnRequestLegRun.mean(leg, target);
                assertEquals(0, mean.errors(), target);
                assertEquals(6, mean.requests(), target + ": 3 requests in each of the 2 reported rounds");
                assertTrue(mean.cpuMillisPerRequest() >= 0 && mean.requestsPerSecond() > 0, target + ": " + mean);
            }
            String markdown = AuthnRequestLegRun.toMarkdown(leg);
            assertTrue(markdown.contains("| cie |") && markdown.contains("ratio to stock"), markdown);
        } finally {
            realm.delete();
        }
    }
}
