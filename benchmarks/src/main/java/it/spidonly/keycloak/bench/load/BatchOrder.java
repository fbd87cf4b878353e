package it.spidonly.keycloak.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the targets' batches in each measured round: a Williams design (a balanced Latin square). Over
 * {@link #period(int)} rounds each target runs at each place of a round equally often, and follows each other target
 * equally often. Two things of the run land on whichever batch comes first or next: the C2 compilations that the
 * previous batch's kind of login (first-time after returning) leaves behind, and what the previous target left warm.
 * With A B / B A alternation and four targets, SPID and CIE opened every round and took that JIT time alone
 * (issue 19, stop 20).
 */
public final class BatchOrder {
    private BatchOrder() {
    }

    /** Rounds after which every place and every predecessor is balanced: n for an even number of targets, 2n for odd. */
    public static int period(int targets) {
        return targets % 2 == 0 ? targets : 2 * targets;
    }

    /** The targets in the order of round {@code round} (1-based). */
    public static <T> List<T> forRound(List<T> targets, int round) {
        int n = targets.size();
        int row = (round - 1) % period(n);
        List<T> order = new ArrayList<>(n);
        for (int place = 0; place < n; place++) {
            order.add(targets.get(Math.floorMod(firstRow(place) + row, n)));
        }
        if (row >= n) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    /** 0, 1, n-1, 2, n-2, ... : the first row of a Williams square (place 2k+1 → k+1, place 2k → n-k). */
    private static int firstRow(int place) {
        return place % 2 == 1 ? (place + 1) / 2 : -place / 2;
    }
}
