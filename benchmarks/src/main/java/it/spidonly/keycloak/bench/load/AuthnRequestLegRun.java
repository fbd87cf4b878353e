package it.spidonly.keycloak.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Issue 19, item 3: the AuthnRequest leg alone (the application's authorization request with {@code kc_idp_hint}
 * → Keycloak's broker → the signed AuthnRequest in its auto-post page), per target, in batches that alternate between
 * the targets round by round like {@link LoadRun}'s ({@link BatchOrder}). It answers "does the SPID AuthnRequest cost more than the stock
 * broker's?" by Keycloak's CPU per request, without attributing profiler samples. The first round settles and is not
 * reported.
 */
public final class AuthnRequestLegRun {
    /** One batch: Keycloak's CPU per request (all threads, and without the JIT compiler threads). */
    public record Result(String target, int round, int requests, int errors, double cpuMillisPerRequest,
                         double cpuMillisPerRequestWithoutJit, double requestsPerSecond) {
    }

    private AuthnRequestLegRun() {
    }

    public static List<Result> run(BenchRealm realm, LoginDriver driver, ProcessStats keycloak, int requests, int rounds,
                                   int concurrency, Consumer<String> log) {
        List<Result> results = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            // round 0 settles: it takes the order of the last reported round, so round 1 starts like LoadRun's
            List<Target> order = BatchOrder.forRound(realm.targets(), round == 0 ? BatchOrder.period(realm.targets().size()) : round);
            for (Target target : order) {
                Result r = batch(driver, keycloak, target, requests, concurrency, round);
                log.accept(String.format(Locale.ROOT, "%s AuthnRequest leg %-5s %d requests %d errors %.1f/s, CPU %.2f ms/request (%.2f w/o JIT)",
                        round == 0 ? "settle" : "round " + round, target.label(), requests, r.errors(), r.requestsPerSecond(),
                        r.cpuMillisPerRequest(), r.cpuMillisPerRequestWithoutJit()));
                if (round > 0) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    private static Result batch(LoginDriver driver, ProcessStats keycloak, Target target, int requests, int concurrency, int round) {
        AtomicInteger errors = new AtomicInteger();
        ProcessStats.CpuSpan span = keycloak.cpuSpan();
        long start = System.nanoTime();
        Batch.inParallel(requests, concurrency, "authn-request-" + target.label(), i -> {
            try {
                driver.startOnly(target);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(target.label(), round, requests, errors.get(), span.cpuSeconds() * 1000 / requests,
                span.cpuSecondsWithoutJit() * 1000 / requests, requests / wall);
    }

    /** The mean over the reported rounds of {@code target}. */
    public static Result mean(List<Result> results, String target) {
        List<Result> of = results.stream().filter(r -> r.target().equals(target)).toList();
        return new Result(target, 0, of.stream().mapToInt(Result::requests).sum(), of.stream().mapToInt(Result::errors).sum(),
                of.stream().mapToDouble(Result::cpuMillisPerRequest).average().orElse(Double.NaN),
                of.stream().mapToDouble(Result::cpuMillisPerRequestWithoutJit).average().orElse(Double.NaN),
                of.stream().mapToDouble(Result::requestsPerSecond).average().orElse(Double.NaN));
    }

    /** A Markdown table: per round and target, then the means and the ratio to the stock broker. */
    public static String toMarkdown(List<Result> results) {
        StringBuilder md = new StringBuilder("| round | target | requests | errors | requests/s | CPU ms/request | without JIT |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.1f | %.2f | %.2f |%n", r.round(), r.target(), r.requests(),
                    r.errors(), r.requestsPerSecond(), r.cpuMillisPerRequest(), r.cpuMillisPerRequestWithoutJit()));
        }
        Result stock = mean(results, "stock");
        md.append("\n| target | CPU ms/request (mean) | ratio to stock | without JIT | ratio to stock |\n|---|---|---|---|---|\n");
        for (String target : results.stream().map(Result::target).distinct().toList()) {
            Result m = mean(results, target);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %.2f | %.3f |%n", target, m.cpuMillisPerRequest(),
                    m.cpuMillisPerRequest() / stock.cpuMillisPerRequest(), m.cpuMillisPerRequestWithoutJit(),
                    m.cpuMillisPerRequestWithoutJit() / stock.cpuMillisPerRequestWithoutJit()));
        }
        return md.toString();
    }
}
