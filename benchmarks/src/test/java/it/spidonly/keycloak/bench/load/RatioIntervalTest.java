package it.spidonly.keycloak.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void identicalRoundsGiveAPointAndTheirSideOfStock() {
        RatioInterval under = RatioInterval.of(new double[] {0.9, 0.9, 0.9, 0.9});
        assertEquals(0.9, under.geometricMean(), 1e-12);
        assertEquals(0.9, under.high(), 1e-12);
        assertEquals("under stock", under.verdict());
        assertEquals("over stock", RatioInterval.of(new double[] {1.1, 1.1}).verdict());
    }

    @Test
    void noisyRoundsAroundOneCannotBeToldApartFromStock() {
        RatioInterval noisy = RatioInterval.of(new double[] {0.9, 1.1, 0.95, 1.05});
        assertEquals("not distinguishable from stock", noisy.verdict());
    }

    @Test
    void theIntervalIsStudentsTOnTheLogarithms() {
        // logs ln(0.8) and ln(1.0): mean -0.11157, sd 0.15779, n 2, t(1) 12.706 → half width 1.41768
        RatioInterval two = RatioInterval.of(new double[] {0.8, 1.0});
        assertEquals(Math.sqrt(0.8), two.geometricMean(), 1e-9);
        assertEquals(Math.exp(Math.log(0.8) / 2 + 12.706 * Math.abs(Math.log(0.8)) / Math.sqrt(2) / Math.sqrt(2)), two.high(), 1e-9);
        assertEquals(Math.exp(Math.log(0.8) / 2 - 12.706 * Math.abs(Math.log(0.8)) / Math.sqrt(2) / Math.sqrt(2)), two.low(), 1e-9);
    }
}
