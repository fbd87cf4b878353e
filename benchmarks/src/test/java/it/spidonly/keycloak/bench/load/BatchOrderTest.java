package it.spidonly.keycloak.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchOrderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void overAPeriodEveryTargetOpensRoundsAndTakesEachPlaceEquallyOften(int n) {
        List<Integer> targets = IntStream.range(0, n).boxed().toList();
        int period = BatchOrder.period(n);
        Map<String, Integer> placeCounts = new HashMap<>();
        for (int round = 1; round <= period; round++) {
            List<Integer> order = BatchOrder.forRound(targets, round);
            assertEquals(n, order.stream().distinct().count(), "round " + round + " runs every target once: " + order);
            for (int place = 0; place < n; place++) {
                placeCounts.merge(order.get(place) + "@" + place, 1, Integer::sum);
            }
        }
        assertEquals(n * n, placeCounts.size(), "every target at every place: " + placeCounts);
        assertEquals(1, placeCounts.values().stream().distinct().count(), "each as often: " + placeCounts);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void overAPeriodEveryTargetFollowsEachOtherEquallyOften(int n) {
        List<Integer> targets = IntStream.range(0, n).boxed().toList();
        Map<String, Integer> follows = new HashMap<>();
        for (int round = 1; round <= BatchOrder.period(n); round++) {
            List<Integer> order = BatchOrder.forRound(targets, round);
            for (int place = 1; place < n; place++) {
                follows.merge(order.get(place - 1) + ">" + order.get(place), 1, Integer::sum);
            }
        }
        assertEquals(n * (n - 1), follows.size(), "every ordered pair of targets: " + follows);
        assertEquals(1, follows.values().stream().distinct().count(), "each as often: " + follows);
    }

    @org.junit.jupiter.api.Test
    void twoTargetsAlternateAsBefore() {
        assertEquals(List.of("spid", "stock"), BatchOrder.forRound(List.of("spid", "stock"), 1));
        assertEquals(List.of("stock", "spid"), BatchOrder.forRound(List.of("spid", "stock"), 2));
        assertEquals(List.of("spid", "stock"), BatchOrder.forRound(List.of("spid", "stock"), 3));
    }
}
