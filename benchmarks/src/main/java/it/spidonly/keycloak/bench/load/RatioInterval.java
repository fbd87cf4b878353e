package it.spidonly.keycloak.bench.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * The per-round CPU ratios of one run (SPID ÷ stock, one batch pair per round) summed up as their geometric mean and a
 * 95 % confidence interval (Student's t on the logarithms): whether a run shows SPID under stock, over it, or cannot
 * tell them apart. The pairs share a round, so drift over the run (JIT, caches, database growth) cancels in each ratio;
 * what is left is the batches' own noise, which the interval makes visible (issue 19: ±10 % per batch).
 */
public record RatioInterval(int rounds, double geometricMean, double low, double high) {
    /** Student's t, two-sided 95 %, for 1..30 degrees of freedom; 1.96 beyond. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
        2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
        2.048, 2.045, 2.042};

    public static RatioInterval of(double[] ratios) {
        int n = ratios.length;
        if (n == 0) {
            return new RatioInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] logs = Arrays.stream(ratios).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        if (n == 1) {
            return new RatioInterval(1, Math.exp(mean), Double.NaN, Double.NaN);
        }
        double variance = Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum() / (n - 1);
        double half = (n - 1 <= T_975.length ? T_975[n - 2] : 1.96) * Math.sqrt(variance / n);
        return new RatioInterval(n, Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half));
    }

    /** "under" when the whole interval is under 1, "over" when it is over, otherwise "not distinguishable". */
    public String verdict() {
        return high < 1 ? "under stock" : low > 1 ? "over stock" : Double.isNaN(low) ? "one round: no interval" : "not distinguishable from stock";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] over %d rounds, %s", geometricMean, low, high, rounds, verdict());
    }
}
