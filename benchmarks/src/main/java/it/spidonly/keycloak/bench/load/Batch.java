package it.spidonly.keycloak.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.IntFunction;

/**
 * A fixed number of logins through one target with a fixed concurrency: {@code concurrency} workers take the next
 * login until all are done (closed loop, no think time). Measures each login's latency, the batch's wall time,
 * the Keycloak process's CPU seconds (before/after; also without its JIT compiler threads, which are still busy
 * long after a warm-up on 2 cores) and its RSS, sampled every 100 ms.
 */
public final class Batch {
    private final LoginDriver driver;
    private final ProcessStats keycloak;

    public Batch(LoginDriver driver, ProcessStats keycloak) {
        this.driver = driver;
        this.keycloak = keycloak;
    }

    /** Result of one batch; {@code latenciesMillis} of the successful logins only. */
    public record Result(Target target, String kind, int logins, long[] latencyNanos, int firstBrokerLogins,
                         Map<String, Integer> errorsByStep, List<String> errorSamples, double wallSeconds,
                         double cpuSeconds, double cpuSecondsWithoutJit, double maxRssMib, java.time.Instant started,
                         java.time.Instant ended) {
        public int errors() {
            return errorsByStep.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int successes() {
            return latencyNanos.length;
        }
    }

    /** Runs {@code logins} logins of {@code citizens.apply(i)}, i = 0..logins-1. */
    public Result run(Target target, String kind, int logins, int concurrency, IntFunction<Citizen> citizens) {
        long[] latencies = new long[logins];
        boolean[] ok = new boolean[logins];
        AtomicInteger firstBrokerLogins = new AtomicInteger();
        Map<String, Integer> errors = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        LongAccumulator maxRssKib = new LongAccumulator(Math::max, 0);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rss-sampler"));
        sampler.scheduleAtFixedRate(() -> maxRssKib.accumulate((long) (keycloak.rssMib() * 1024)), 0, 100, TimeUnit.MILLISECONDS);
        ProcessStats.CpuSpan span = keycloak.cpuSpan();
        java.time.Instant started = java.time.Instant.now();
        long start = System.nanoTime();
        inParallel(logins, concurrency, "login-" + target.label(), i -> {
            long begin = System.nanoTime();
            try {
                if (driver.login(target, citizens.apply(i)).firstBrokerLogin()) {
                    firstBrokerLogins.incrementAndGet();
                }
                latencies[i] = System.nanoTime() - begin;
                ok[i] = true;
            } catch (RuntimeException e) {
                String step = e instanceof LoginFailure f ? f.step() : e.getClass().getSimpleName();
                synchronized (errors) {
                    errors.merge(step, 1, Integer::sum);
                    if (samples.size() < 3) {
                        samples.add(e.getMessage());
                    }
                }
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        java.time.Instant ended = java.time.Instant.now();
        double cpu = span.cpuSeconds();
        double withoutJit = span.cpuSecondsWithoutJit();
        sampler.shutdownNow();
        maxRssKib.accumulate((long) (keycloak.rssMib() * 1024));
        int successes = 0;
        for (boolean b : ok) {
            successes += b ? 1 : 0;
        }
        long[] okLatencies = new long[successes];
        for (int i = 0, j = 0; i < logins; i++) {
            if (ok[i]) {
                okLatencies[j++] = latencies[i];
            }
        }
        return new Result(target, kind, logins, okLatencies, firstBrokerLogins.get(), errors, samples, wall, cpu,
                withoutJit, maxRssKib.get() / 1024.0, started, ended);
    }

    /** Runs {@code task} for 0..count-1 on {@code concurrency} daemon workers (closed loop) and waits for all. */
    static void inParallel(int count, int concurrency, String threadName, java.util.function.IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> daemon(r, threadName));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted batch", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
