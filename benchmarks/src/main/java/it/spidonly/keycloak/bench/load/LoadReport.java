package it.spidonly.keycloak.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one run: per target and kind (first-time, returning, and both together) logins per second,
 * p50/p95/p99 latency, Keycloak CPU milliseconds per login, the largest RSS sampled, errors; the same per round
 * (the spread within the run); the ratio spid/stock of each; Keycloak's peak RSS ({@code VmHWM}) and the load
 * average before and after.
 */
public final class LoadReport {
    public static final String BOTH = "all";

    /** One round's batches. */
    public record Round(int number, List<Batch.Result> results) {
    }

    /** The figures of a set of batches of one target. */
    public record Figures(String target, String kind, int logins, int successes, int errors, int firstBrokerLogins,
                          double loginsPerSecond, double p50Millis, double p95Millis, double p99Millis,
                          double cpuMillisPerLogin, double cpuMillisPerLoginWithoutJit, double maxRssMib,
                          Map<String, Integer> errorsByStep) {
    }

    private final LoadRun.Settings settings;
    private final List<Round> rounds;
    private final double peakRssMib;
    private final double[] loadBefore;
    private final double[] loadAfter;
    private final Map<String, Double> cpuByThreadGroup;

    LoadReport(LoadRun.Settings settings, List<Round> rounds, double peakRssMib, double[] loadBefore, double[] loadAfter,
               Map<String, Double> cpuByThreadGroup) {
        this.cpuByThreadGroup = Map.copyOf(cpuByThreadGroup);
        this.settings = settings;
        this.rounds = List.copyOf(rounds);
        this.peakRssMib = peakRssMib;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    public LoadRun.Settings settings() {
        return settings;
    }

    /** Keycloak's CPU seconds over the measured rounds by thread group (request threads, event loops, JIT, GC...). */
    public Map<String, Double> cpuByThreadGroup() {
        return cpuByThreadGroup;
    }

    public List<Round> rounds() {
        return rounds;
    }

    public double peakRssMib() {
        return peakRssMib;
    }

    /** 1, 5 and 15 minute load averages when the measured rounds started. */
    public double[] loadBefore() {
        return loadBefore.clone();
    }

    public double[] loadAfter() {
        return loadAfter.clone();
    }

    /** Figures of {@code target} ({@code spid}, {@code stock}) and {@code kind} (first-time, returning or {@link #BOTH}) over all rounds. */
    public Figures figures(String target, String kind) {
        return figures(target, kind, rounds);
    }

    /** The same for one round. */
    public Figures figures(String target, String kind, Round round) {
        return figures(target, kind, List.of(round));
    }

    /** (a)/(b): figure of spid divided by the same figure of stock. */
    public Map<String, Double> ratios(String kind) {
        return ratios("spid", "stock", kind);
    }

    /** Figure of target {@code a} divided by the same figure of target {@code b}. */
    public Map<String, Double> ratios(String aTarget, String bTarget, String kind) {
        Figures a = figures(aTarget, kind);
        Figures b = figures(bTarget, kind);
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("cpuPerLogin", a.cpuMillisPerLogin() / b.cpuMillisPerLogin());
        r.put("cpuPerLoginWithoutJit", a.cpuMillisPerLoginWithoutJit() / b.cpuMillisPerLoginWithoutJit());
        r.put("loginsPerSecond", a.loginsPerSecond() / b.loginsPerSecond());
        r.put("p50", a.p50Millis() / b.p50Millis());
        r.put("p95", a.p95Millis() / b.p95Millis());
        r.put("p99", a.p99Millis() / b.p99Millis());
        return r;
    }

    public List<String> targets() {
        return rounds.isEmpty() ? List.of() : rounds.get(0).results().stream().map(r -> r.target().label()).distinct().sorted().toList();
    }

    private static Figures figures(String target, String kind, List<Round> rounds) {
        List<Batch.Result> batches = new ArrayList<>();
        for (Round round : rounds) {
            round.results().stream().filter(r -> r.target().label().equals(target))
                    .filter(r -> BOTH.equals(kind) || r.kind().equals(kind)).forEach(batches::add);
        }
        int logins = 0;
        int successes = 0;
        int firstBrokerLogins = 0;
        double wall = 0;
        double cpu = 0;
        double cpuWithoutJit = 0;
        double rss = 0;
        Map<String, Integer> errors = new TreeMap<>();
        List<long[]> latencies = new ArrayList<>();
        for (Batch.Result b : batches) {
            logins += b.logins();
            successes += b.successes();
            firstBrokerLogins += b.firstBrokerLogins();
            wall += b.wallSeconds();
            cpu += b.cpuSeconds();
            cpuWithoutJit += b.cpuSecondsWithoutJit();
            rss = Math.max(rss, b.maxRssMib());
            b.errorsByStep().forEach((step, n) -> errors.merge(step, n, Integer::sum));
            latencies.add(b.latencyNanos());
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(target, kind, logins, successes, logins - successes, firstBrokerLogins,
                wall == 0 ? 0 : successes / wall, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                successes == 0 ? 0 : cpu * 1000 / successes, successes == 0 ? 0 : cpuWithoutJit * 1000 / successes, rss, errors);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    /** One line for the progress log. */
    static String line(Batch.Result r) {
        long[] sorted = r.latencyNanos().clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-5s %-10s %4d logins %4d errors %6.1f/s p50 %6.1f p95 %6.1f p99 %6.1f ms, CPU %5.2f ms/login (%5.2f w/o JIT), RSS %4.0f MiB%s",
                r.target().label(), r.kind(), r.logins(), r.errors(), r.successes() / r.wallSeconds(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                r.successes() == 0 ? 0 : r.cpuSeconds() * 1000 / r.successes(),
                r.successes() == 0 ? 0 : r.cpuSecondsWithoutJit() * 1000 / r.successes(), r.maxRssMib(),
                r.errorSamples().isEmpty() ? "" : " first error: " + r.errorSamples().get(0));
    }

    /** Load averages from {@code /proc/loadavg} (1, 5, 15 minutes). */
    public static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a Markdown table (what docs/performance.md quotes). */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Settings: %d logins per batch, concurrency %d, warm-up %d per target and kind, %d rounds. "
                        + "Load average before %s, after %s. Keycloak peak RSS (VmHWM) %.0f MiB.%n%n",
                settings.loginsPerBatch(), settings.concurrency(), settings.warmupLogins(), settings.rounds(),
                load(loadBefore), load(loadAfter), peakRssMib));
        int period = Math.max(1, BatchOrder.period(targets().size()));
        out.append(settings.rounds() % period == 0
                ? String.format(Locale.ROOT, "Batch order balanced (BatchOrder): each target opened %d of the %d rounds.%n%n",
                        settings.rounds() / period, settings.rounds())
                : String.format(Locale.ROOT, "**Batch order not balanced**: %d rounds, not a multiple of %d (BatchOrder.period); "
                        + "some targets opened more rounds than others and carry more of the JIT's time.%n%n", settings.rounds(), period));
        out.append("| IdP | logins | kind | logins/s | p50 ms | p95 ms | p99 ms | Keycloak CPU ms/login | without JIT threads | max RSS MiB | errors | first-broker-login seen |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, BOTH)) {
            for (String target : targets()) {
                Figures f = figures(target, kind);
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f | %d%s | %d |%n",
                        target, f.logins(), kind, f.loginsPerSecond(), f.p50Millis(), f.p95Millis(), f.p99Millis(),
                        f.cpuMillisPerLogin(), f.cpuMillisPerLoginWithoutJit(), f.maxRssMib(), f.errors(), f.errors() == 0 ? "" : " " + f.errorsByStep(),
                        f.firstBrokerLogins()));
            }
        }
        out.append("\nRatios spid/stock (CPU per login, CPU without JIT threads, logins/s, p50, p95, p99; then the median of the"
                + " rounds' CPU ratios, which one odd batch moves less):\n\n");
        for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, BOTH)) {
            Map<String, Double> r = ratios(kind);
            out.append(String.format(Locale.ROOT, "- %s: CPU %.3f, CPU without JIT %.3f, logins/s %.3f, p50 %.3f, p95 %.3f, p99 %.3f;"
                            + " median per round: CPU %.3f, without JIT %.3f%n", kind,
                    r.get("cpuPerLogin"), r.get("cpuPerLoginWithoutJit"), r.get("loginsPerSecond"), r.get("p50"), r.get("p95"), r.get("p99"),
                    medianRoundRatio(kind, false), medianRoundRatio(kind, true)));
        }
        out.append("\nThe rounds' CPU ratios spid/stock as a geometric mean with its 95 % interval (Student's t on the logarithms;"
                + " the interval says whether this run can tell SPID from stock at all):\n\n");
        for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, BOTH)) {
            out.append(String.format(Locale.ROOT, "- %s: CPU %s; without JIT %s%n", kind, roundRatioInterval("spid", kind, false),
                    roundRatioInterval("spid", kind, true)));
        }
        if (targets().contains("ficep")) {
            out.append("\nRatios ficep/stock (FICEP: eIDAS set 99, four attributes, its own first-login flow; same columns):\n\n");
            for (String kind : List.of(LoadRun.FIRST, LoadRun.RETURNING, BOTH)) {
                Map<String, Double> r = ratios("ficep", "stock", kind);
                out.append(String.format(Locale.ROOT, "- %s: CPU %.3f, CPU without JIT %.3f, logins/s %.3f, p50 %.3f, p95 %.3f, p99 %.3f%n", kind,
                        r.get("cpuPerLogin"), r.get("cpuPerLoginWithoutJit"), r.get("loginsPerSecond"), r.get("p50"), r.get("p95"), r.get("p99")));
            }
        }
        out.append("\nPer round (spread within the run): CPU ms/login and logins/s, both kinds together\n\n");
        out.append("| round | spid CPU ms | stock CPU ms | CPU ratio | ratio without JIT | spid logins/s | stock logins/s | spid p99 ms | stock p99 ms |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Round round : rounds) {
            Figures a = figures("spid", BOTH, round);
            Figures b = figures("stock", BOTH, round);
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.3f | %.3f | %.1f | %.1f | %.1f | %.1f |%n", round.number(),
                    a.cpuMillisPerLogin(), b.cpuMillisPerLogin(), a.cpuMillisPerLogin() / b.cpuMillisPerLogin(),
                    a.cpuMillisPerLoginWithoutJit() / b.cpuMillisPerLoginWithoutJit(),
                    a.loginsPerSecond(), b.loginsPerSecond(), a.p99Millis(), b.p99Millis()));
        }
        double total = cpuByThreadGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        out.append(String.format(Locale.ROOT, "%nKeycloak CPU over the measured rounds by thread group (%.1f s in all, /proc/PID/task):%n%n", total));
        out.append("| thread group | CPU s | share |\n|---|---|---|\n");
        cpuByThreadGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.01 * total)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.1f %% |%n", e.getKey(), e.getValue(), 100 * e.getValue() / total)));
        return out.toString();
    }

    /** The median over the rounds of spid's CPU per login divided by stock's in the same round. */
    double medianRoundRatio(String kind, boolean withoutJit) {
        double[] ratios = roundRatios("spid", kind, withoutJit);
        java.util.Arrays.sort(ratios);
        int n = ratios.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** The rounds' ratios of spid's CPU per login to stock's, as a geometric mean and its 95 % interval. */
    public RatioInterval roundRatioInterval(String target, String kind, boolean withoutJit) {
        return RatioInterval.of(roundRatios(target, kind, withoutJit));
    }

    private double[] roundRatios(String target, String kind, boolean withoutJit) {
        return rounds.stream().mapToDouble(round -> {
            Figures a = figures(target, kind, round);
            Figures b = figures("stock", kind, round);
            return withoutJit ? a.cpuMillisPerLoginWithoutJit() / b.cpuMillisPerLoginWithoutJit() : a.cpuMillisPerLogin() / b.cpuMillisPerLogin();
        }).toArray();
    }

    private static String load(double[] l) {
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", l[0], l[1], l[2]);
    }

    public void write(Path markdown) {
        try {
            Files.createDirectories(markdown.toAbsolutePath().getParent());
            Files.writeString(markdown, toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
