package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import it.spidonly.keycloak.bench.load.AuthnRequestLegRun;
import it.spidonly.keycloak.bench.load.BenchRealm;
import it.spidonly.keycloak.bench.load.IdpPlayer;
import it.spidonly.keycloak.bench.load.LoadReport;
import it.spidonly.keycloak.bench.load.LoadRun;
import it.spidonly.keycloak.bench.load.ProcessStats;
import it.spidonly.keycloak.bench.load.RatioInterval;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;

/**
 * The whole load benchmark in one command (see benchmarks/README.md): a database of its own, its own Keycloak
 * (a separate process: the driver never runs in Keycloak's JVM), the benchmark realm, the A/B run, optionally a
 * JFR profile of the measured rounds, the report in {@code --output} ({@code report.md}, {@code profile.md}),
 * then Keycloak stopped and the database dropped.
 *
 * <pre>--keycloak-home=DIR --providers=DIR --logins=200 --concurrency=4 --warmup=500 --rounds=12 --db=postgres|dev-mem --jfr=false|true|jit --requests=1000 --output=DIR</pre>
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
        String jfr = args.getOrDefault("jfr", "false");
        List<BenchRealm.Shape> shapes = shapes(args.getOrDefault("realms", "1"));
        String before = args.getOrDefault("before", "");
        String runTag = runTag();
        LoadRun.Settings settings = new LoadRun.Settings(integer(args, "logins", 200), integer(args, "concurrency", 4),
                integer(args, "warmup", 500), integer(args, "rounds", 12), runTag);
        Files.createDirectories(output);
        String machine = Machine.describe();
        System.out.println(machine);

        StringBuilder text = new StringBuilder("# Benchmark run " + runTag + " at " + Instant.now() + "\n\n" + machine + "\n\n"
                + "Keycloak: " + ("postgres".equals(db) ? "`kc.sh start --db=postgres`" : "`kc.sh start-dev --db=dev-mem`")
                + " --cache=local, distribution default JVM options (G1, -Xms64m -Xmx512m)\n");
        List<Map.Entry<String, Path>> builds = new ArrayList<>();
        if (!before.isBlank()) {
            builds.add(Map.entry("before", Path.of(before)));
        }
        builds.add(Map.entry(before.isBlank() ? "this build" : "after", providers));
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, Path> build : builds) {
            // each build: its own Keycloak and database, the same realms, the same scenario, one after the other
            String buildTag = runTag + (builds.size() > 1 ? build.getKey().substring(0, 1).toUpperCase(Locale.ROOT) : "");
            text.append("\n## ").append(build.getKey()).append(" (providers from `").append(build.getValue()).append("`)\n");
            runBuild(home, build.getValue(), db, build.getValue() == providers ? jfr : "false", output, settings, shapes, buildTag, text, summary,
                    build.getKey(), integer(args, "requests", 0));
        }
        text.append("\n## Summary: Keycloak CPU ms per login and the ratio to the stock SAML broker of the same realm\n\n")
                .append("| build | realm | target | kind | CPU ms/login | ratio to stock | without JIT | ratio without JIT | rounds' ratio, 95 % interval | logins/s | p99 ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        summary.forEach(text::append);
        Files.writeString(output.resolve("report-" + runTag + ".md"), text);
        Files.writeString(output.resolve("report.md"), text);
        System.out.println();
        System.out.println(text);
        System.out.println("Report: " + output.resolve("report-" + runTag + ".md"));
    }

    private static void runBuild(Path home, Path providers, String db, String jfr, Path output, LoadRun.Settings settings,
                                 List<BenchRealm.Shape> shapes, String tag, StringBuilder text, List<String> summary,
                                 String buildName, int requestLeg) throws IOException {
        PostgresDatabase database = "postgres".equals(db) ? PostgresDatabase.create("kc_bench_" + tag.toLowerCase(Locale.ROOT)) : null;
        List<String> jvmOptions = switch (jfr) {
            case "true" -> List.of(JfrProfile.startAtLaunch("profile"));
            case "jit" -> List.of(JitProfile.startAtLaunch(output));
            default -> List.of();
        };
        try (KeycloakLauncher keycloak = KeycloakLauncher.start(home, providers, db,
                database == null ? null : database.jdbcUrl(), output.resolve("keycloak-" + tag + ".log"), jvmOptions)) {
            Runnable betweenBatches = statisticsKeeper(database, text);
            ProcessStats stats = ProcessStats.javaOf(keycloak.handle());
            System.out.printf("Keycloak ready at %s (java pid %d, %s mode, providers %s)%n", keycloak.baseUrl(), stats.pid(),
                    database == null ? "start-dev, H2 in memory" : "start, PostgreSQL " + database.jdbcUrl(), providers);
            KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl());
            IdpPlayer idp = new IdpPlayer("https://idp.bench.spid-only.example", SigningCredential.generate("SPID bench IdP", 2048));
            for (int i = 0; i < shapes.size(); i++) {
                BenchRealm.Shape shape = withoutMissingKinds(shapes.get(i), providers);
                // the same size twice (e.g. 12+cie,12+cie: a second, warmer realm of the same shape) gets its position
                String realmName = "bench-" + tag.toLowerCase(Locale.ROOT) + "-" + shape.spidIdps()
                        + (sameSizeBefore(shapes, i) ? "-" + (i + 1) : "");
                BenchRealm realm = BenchRealm.create(admin, keycloak.baseUrl(), realmName, idp, shape);
                // each realm its own copy of the recording (running since Keycloak's start), split by its own batches
                String realmTag = tag + "-" + shape.spidIdps();
                JfrProfile profile = "true".equals(jfr) ? new JfrProfile(stats.pid(), output.resolve("keycloak-" + realmTag + ".jfr")) : null;
                JitProfile jit = "jit".equals(jfr) ? new JitProfile(stats.pid(), output.resolve("keycloak-" + realmTag + "-jit.jfr")) : null;
                LoadReport report = new LoadRun(realm, idp, stats, settings, System.out::println, betweenBatches).run();
                if (profile != null) {
                    profile.dump();
                }
                if (jit != null) {
                    jit.dump();
                }
                String label = shape.label();
                text.append("\n### Realm `").append(realmName).append("`: ").append(label).append("\n\n").append(report.toMarkdown());
                if (requestLeg > 0) {
                    List<AuthnRequestLegRun.Result> leg = AuthnRequestLegRun.run(realm, realm.driver(idp), stats, requestLeg,
                            settings.rounds(), settings.concurrency(), System.out::println);
                    text.append("\n#### The AuthnRequest leg alone (authorization request to the IdP's auto-post page), ")
                            .append(requestLeg).append(" requests per target and round\n\n").append(AuthnRequestLegRun.toMarkdown(leg));
                    AuthnRequestLegRun.Result stock = AuthnRequestLegRun.mean(leg, "stock");
                    for (String target : leg.stream().map(AuthnRequestLegRun.Result::target).distinct().filter(t -> !"stock".equals(t)).toList()) {
                        AuthnRequestLegRun.Result m = AuthnRequestLegRun.mean(leg, target);
                        summary.add(String.format(Locale.ROOT, "| %s | %s | %s | AuthnRequest leg | %.2f | %.3f | %.2f | %.3f | — | %.1f | — |%n",
                                buildName, label, target, m.cpuMillisPerRequest(), m.cpuMillisPerRequest() / stock.cpuMillisPerRequest(),
                                m.cpuMillisPerRequestWithoutJit(), m.cpuMillisPerRequestWithoutJit() / stock.cpuMillisPerRequestWithoutJit(),
                                m.requestsPerSecond()));
                    }
                }
                for (String target : report.targets()) {
                    if ("stock".equals(target)) {
                        continue;
                    }
                    for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, LoadReport.BOTH)) {
                        LoadReport.Figures f = report.figures(target, kind);
                        Map<String, Double> r = report.ratios(target, "stock", kind);
                        RatioInterval rounds = report.roundRatioInterval(target, kind, false);
                        summary.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.3f | %.2f | %.3f | %.3f [%.3f, %.3f] | %.1f | %.1f |%n",
                                buildName, label, target, kind, f.cpuMillisPerLogin(), r.get("cpuPerLogin"),
                                f.cpuMillisPerLoginWithoutJit(), r.get("cpuPerLoginWithoutJit"), rounds.geometricMean(), rounds.low(),
                                rounds.high(), f.loginsPerSecond(), f.p99Millis()));
                    }
                }
                List<JfrProfile.Window> batches = report.rounds().stream()
                        .flatMap(r -> r.results().stream()).map(JfrProfile.Window::of).toList();
                if (profile != null || jit != null) {
                    Files.write(output.resolve("windows-" + realmTag + ".tsv"), batches.stream().map(JfrProfile.Window::tsv).toList());
                }
                if (jit != null) {
                    String jitSummary = jit.byBatch(batches, 25);
                    Files.writeString(output.resolve("jit-" + realmTag + ".md"), jitSummary);
                    System.out.println(jitSummary);
                }
                if (profile != null) {
                    StringBuilder windows = new StringBuilder();
                    for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING)) {
                        for (String target : report.targets().stream().filter(t -> !"stock".equals(t)).toList()) {
                            windows.append("\n").append(profile.byBatch(batches, kind, target, "stock", 40));
                        }
                        if (report.targets().containsAll(List.of("spid", "cie"))) {
                            // the same ACS, broker and first-login code: what differs is the SPID profile's own work
                            windows.append("\n").append(profile.byBatch(batches, kind, "spid", "cie", 40));
                        }
                    }
                    String profileSummary = profile.summary(30, batches) + windows;
                    Files.writeString(output.resolve("profile-" + realmTag + ".md"), profileSummary);
                    System.out.println(profileSummary);
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * What keeps the database's planner statistics between batches: nothing when the server runs autovacuum (as a
     * production PostgreSQL does); otherwise ANALYZE of the tables autoanalyze would have analysed, so that first logins
     * do not turn into scans of every account as the realm grows (issue 19, stop 21). The report says which.
     */
    private static Runnable statisticsKeeper(PostgresDatabase database, StringBuilder text) {
        if (database == null) {
            return () -> { };
        }
        if (database.autovacuumOn()) {
            text.append("\nPostgreSQL: autovacuum on (the server keeps its statistics)\n");
            return () -> { };
        }
        text.append("\nPostgreSQL: autovacuum **off** on this server; before every batch the benchmark analyses the tables that"
                + " autovacuum's autoanalyze would have (more rows changed than 50 + 10 % of the table), outside the measured windows\n");
        System.out.println("PostgreSQL autovacuum is off: the benchmark analyses changed tables before every batch");
        return database::analyzeAsAutovacuumWould;
    }

    /** {@code 12+ficep+cie,60}: a realm of 12 SPID IdPs with a FICEP and a CIE IdP, then one of 60 SPID IdPs. */
    static List<BenchRealm.Shape> shapes(String spec) {
        List<BenchRealm.Shape> shapes = new ArrayList<>();
        for (String part : spec.split(",")) {
            shapes.add(BenchRealm.Shape.parse(part));
        }
        return shapes;
    }

    /**
     * {@code shape} without CIE when {@code providers} is a build from before CIE (an earlier build measured with
     * {@code bench.before}): both builds then run the same realms but that one.
     */
    static BenchRealm.Shape withoutMissingKinds(BenchRealm.Shape shape, Path providers) throws IOException {
        if (!shape.cie()) {
            return shape;
        }
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(providers.resolve("spid-idp-provider.jar").toFile())) {
            boolean hasCie = jar.getEntry("it/spidonly/keycloak/cie/broker/CieIdentityProviderFactory.class") != null;
            if (!hasCie) {
                System.out.println("No CIE identity provider in " + providers + ": its realm " + shape.label() + " runs without CIE");
            }
            return hasCie ? shape : new BenchRealm.Shape(shape.spidIdps(), shape.ficep(), false);
        }
    }

    private static boolean sameSizeBefore(List<BenchRealm.Shape> shapes, int i) {
        return shapes.subList(0, i).stream().anyMatch(s -> s.spidIdps() == shapes.get(i).spidIdps());
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
