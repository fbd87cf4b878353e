package it.spidonly.keycloak.bench.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The A/B scenario: a warm-up on all targets in turns (not reported), then {@code rounds} rounds; each round runs, for
 * each target, a batch of first-time logins (new citizens: Keycloak's first-broker-login flow creates the user)
 * and then a batch of returning logins (the same citizens again, each with a new browser: a full SAML round trip,
 * the user found by its federated identity and updated). The targets' order changes from round to round
 * ({@link BatchOrder}: with two targets A B A B, then B A B A) so that drift and carry-over (JIT, caches, database
 * growth, other load) hit all alike over {@link BatchOrder#period(int)} rounds.
 */
public final class LoadRun {
    public static final String FIRST = "first-time";
    public static final String RETURNING = "returning";
    /** Warm-up logins per target and kind in one turn (all targets take a turn, then the next one). */
    static final int WARMUP_TURN = 200;

    /** @param loginsPerBatch logins in each measured batch; {@code warmupLogins} per target and kind */
    public record Settings(int loginsPerBatch, int concurrency, int warmupLogins, int rounds, String runTag) {
    }

    private final BenchRealm realm;
    private final LoginDriver driver;
    private final ProcessStats keycloak;
    private final Settings settings;
    private final Consumer<String> log;
    private final Runnable betweenBatches;
    private final Map<String, Integer> nextCitizen = new HashMap<>();

    /**
     * @param betweenBatches runs before every batch, outside its measured window (the database's statistics kept as
     *                       autovacuum would: {@code PostgresDatabase})
     */
    public LoadRun(BenchRealm realm, IdpPlayer idp, ProcessStats keycloak, Settings settings, Consumer<String> log,
                   Runnable betweenBatches) {
        this.realm = realm;
        this.driver = realm.driver(idp);
        this.keycloak = keycloak;
        this.settings = settings;
        this.log = log;
        this.betweenBatches = betweenBatches;
    }

    public LoadReport run() {
        Batch batch = new Batch(driver, keycloak);
        // the warm-up in turns of at most WARMUP_TURN logins per target: the first target of a realm would otherwise
        // take Keycloak's whole warm-up, and the C2 recompilations after it land in its measured batches (issue 19)
        for (int done = 0; done < settings.warmupLogins(); done += WARMUP_TURN) {
            int logins = Math.min(WARMUP_TURN, settings.warmupLogins() - done);
            for (Target target : realm.targets()) {
                for (Batch.Result r : pair(batch, target, logins)) {
                    log.accept("warm-up " + LoadReport.line(r));
                }
            }
        }
        double[] loadBefore = LoadReport.loadAverage();
        Map<Long, ProcessStats.ThreadCpu> threadsBefore = keycloak.threadCpu();
        List<LoadReport.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            List<Target> order = BatchOrder.forRound(realm.targets(), round);
            int[] first = new int[order.size()];
            List<Batch.Result> results = new ArrayList<>();
            for (int t = 0; t < order.size(); t++) {
                first[t] = reserve(order.get(t), settings.loginsPerBatch());
                results.add(logResult(round, run(batch, order.get(t), FIRST, settings.loginsPerBatch(), citizens(order.get(t), first[t]))));
            }
            for (int t = 0; t < order.size(); t++) {
                results.add(logResult(round, run(batch, order.get(t), RETURNING, settings.loginsPerBatch(), citizens(order.get(t), first[t]))));
            }
            rounds.add(new LoadReport.Round(round, results));
        }
        return new LoadReport(settings, rounds, keycloak.peakRssMib(), loadBefore, LoadReport.loadAverage(),
                ProcessStats.byGroup(threadsBefore, keycloak.threadCpu()));
    }

    private Batch.Result logResult(int round, Batch.Result r) {
        log.accept("round " + round + " " + LoadReport.line(r));
        return r;
    }

    private List<Batch.Result> pair(Batch batch, Target target, int logins) {
        int first = reserve(target, logins);
        return List.of(run(batch, target, FIRST, logins, citizens(target, first)),
                run(batch, target, RETURNING, logins, citizens(target, first)));
    }

    private Batch.Result run(Batch batch, Target target, String kind, int logins, java.util.function.IntFunction<Citizen> citizens) {
        betweenBatches.run();
        return batch.run(target, kind, logins, settings.concurrency(), citizens);
    }

    private int reserve(Target target, int count) {
        int first = nextCitizen.getOrDefault(target.label(), 0);
        nextCitizen.put(target.label(), first + count);
        return first;
    }

    private java.util.function.IntFunction<Citizen> citizens(Target target, int first) {
        return i -> citizen(target, first + i);
    }

    /** The {@code index}-th citizen of this run on {@code target} (the first batch of a run uses 0..n-1). */
    public Citizen citizen(Target target, int index) {
        return Citizen.of(settings.runTag(), (char) ('A' + realm.targets().indexOf(target)), index);
    }
}
