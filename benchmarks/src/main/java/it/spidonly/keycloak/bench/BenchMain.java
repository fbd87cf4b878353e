package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import it.spidonly.keycloak.bench.load.BenchRealm;
import it.spidonly.keycloak.bench.load.IdpPlayer;
import it.spidonly.keycloak.bench.load.LoadReport;
import it.spidonly.keycloak.bench.load.LoadRun;
import it.spidonly.keycloak.bench.load.ProcessStats;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;

/**
 * The whole load benchmark in one command (see benchmarks/README.md): a database of its own, its own Keycloak
 * (a separate process: the driver never runs in Keycloak's JVM), the benchmark realm, the A/B run, optionally a
 * JFR profile of the measured rounds, the report in {@code --output} ({@code report.md}, {@code profile.md}),
 * then Keycloak stopped and the database dropped.
 *
 * <pre>--keycloak-home=DIR --providers=DIR --logins=200 --concurrency=4 --warmup=500 --rounds=3 --db=postgres|dev-mem --jfr=false --output=DIR</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = parse(argv);
        Path home = Path.of(required(args, "keycloak-home"));
        Path providers = Path.of(required(args, "providers"));
        Path output = Path.of(args.getOrDefault("output", "target/bench"));
        String db = args.getOrDefault("db", "postgres");
        boolean jfr = Boolean.parseBoolean(args.getOrDefault("jfr", "false"));
        String runTag = runTag();
        LoadRun.Settings settings = new LoadRun.Settings(integer(args, "logins", 200), integer(args, "concurrency", 4),
                integer(args, "warmup", 500), integer(args, "rounds", 3), runTag);
        Files.createDirectories(output);
        String machine = Machine.describe();
        System.out.println(machine);

        PostgresDatabase database = "postgres".equals(db) ? PostgresDatabase.create("kc_bench_" + runTag.toLowerCase(Locale.ROOT)) : null;
        try (KeycloakLauncher keycloak = KeycloakLauncher.start(home, providers, db,
                database == null ? null : database.jdbcUrl(), output.resolve("keycloak.log"))) {
            ProcessStats stats = ProcessStats.javaOf(keycloak.handle());
            System.out.printf("Keycloak ready at %s (java pid %d, %s mode)%n", keycloak.baseUrl(), stats.pid(),
                    database == null ? "start-dev, H2 in memory" : "start, PostgreSQL " + database.jdbcUrl());
            KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl());
            IdpPlayer idp = new IdpPlayer("https://idp.bench.spid-only.example", SigningCredential.generate("SPID bench IdP", 2048));
            BenchRealm realm = BenchRealm.create(admin, keycloak.baseUrl(), "bench-" + runTag.toLowerCase(Locale.ROOT), idp);
            JfrProfile profile = jfr ? new JfrProfile(stats.pid(), output.resolve("keycloak-" + runTag + ".jfr")) : null;
            LoadReport report = new LoadRun(realm, idp, stats, settings, System.out::println)
                    .run(() -> {
                        if (profile != null) {
                            profile.start();
                        }
                    });
            if (profile != null) {
                profile.stop();
            }
            String text = "# Benchmark run " + runTag + " at " + Instant.now() + "\n\n" + machine + "\n\n"
                    + "Keycloak: " + (database == null ? "`kc.sh start-dev --db=dev-mem`" : "`kc.sh start --db=postgres`")
                    + " --cache=local, distribution default JVM options (G1, -Xms64m -Xmx512m)\n\n" + report.toMarkdown();
            Files.writeString(output.resolve("report-" + runTag + ".md"), text);
            Files.writeString(output.resolve("report.md"), text);
            System.out.println();
            System.out.println(text);
            if (profile != null) {
                String summary = profile.summary(30);
                Files.writeString(output.resolve("profile-" + runTag + ".md"), summary);
                System.out.println(summary);
            }
            System.out.println("Report: " + output.resolve("report-" + runTag + ".md"));
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** Four random letters naming this run's realm, database and citizens. */
    private static String runTag() {
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tag.append((char) ('A' + random.nextInt(26)));
        }
        return tag.toString();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value, got " + a);
            }
            args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return args;
    }

    private static String required(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return v;
    }

    private static int integer(Map<String, String> args, String name, int fallback) {
        return args.containsKey(name) ? Integer.parseInt(args.get(name)) : fallback;
    }
}
