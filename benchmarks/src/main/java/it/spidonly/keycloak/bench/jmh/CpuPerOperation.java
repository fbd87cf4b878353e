package it.spidonly.keycloak.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JMH benchmarks' hot paths timed by the <em>CPU time of the calling thread</em> (ThreadMXBean) instead of wall
 * time: on a 2-core machine shared with other builds (load averages of 10-30), JMH's wall-clock figures measure the
 * queue for a core; the CPU a thread spends per operation moves much less. Not a replacement for JMH on a quiet
 * machine (no forks, no blackhole; each result is consumed into a checksum), a second opinion for shared ones.
 *
 * <pre>java -cp ... it.spidonly.keycloak.bench.jmh.CpuPerOperation [warm-up iterations] [measured iterations] [regex of paths]</pre>
 * With an earlier build's provider jar on the class path instead of this one, {@code RuleChain} measures that build's chain.
 */
public final class CpuPerOperation {
    private static int checksum;

    private CpuPerOperation() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        String filter = args.length > 2 ? args[2] : "";
        Map<String, java.util.function.Supplier<Callable<Object>>> paths = new LinkedHashMap<>();
        paths.put("RuleChainBenchmark.chain (RSA-2048)", () -> ruleChain()::chain);
        paths.put("RuleChainBenchmark.decodeAndChain (RSA-2048)", () -> ruleChain()::decodeAndChain);
        paths.put("AcsParseBenchmark.parseOnce", () -> acsParse()::parseOnce);
        paths.put("AcsParseBenchmark.parseOnceTypedFromDom", () -> acsParse()::parseOnceTypedFromDom);
        paths.put("AcsParseBenchmark.parseThreeTimes", () -> acsParse()::parseThreeTimes);
        paths.put("SignatureCheckBenchmark.inPlace", () -> signatures()::inPlace);
        paths.put("SignatureCheckBenchmark.onCopies", () -> signatures()::onCopies);
        paths.put("AuthnRequestBenchmark.buildAndSign (SPID)", () -> authn()::buildAndSign);
        paths.put("AuthnRequestBenchmark.stockBuildAndSign (Keycloak's stock)", () -> authn()::stockBuildAndSign);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "| path | CPU µs/op | wall µs/op | allocated KiB/op |%n|---|---|---|---|%n");
        for (Map.Entry<String, java.util.function.Supplier<Callable<Object>>> entry : paths.entrySet()) {
            if (!entry.getKey().matches("(?s).*(" + (filter.isEmpty() ? ".*" : filter) + ").*")) {
                continue;
            }
            Map.Entry<String, Callable<Object>> path = Map.entry(entry.getKey(), entry.getValue().get());
            run(path.getValue(), warmup);
            long allocated = allocated();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            run(path.getValue(), measured);
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / measured;
            double wallMicros = (System.nanoTime() - wall) / 1e3 / measured;
            double kib = (allocated() - allocated) / 1024.0 / measured;
            System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |%n", path.getKey(), cpuMicros, wallMicros, kib);
        }
        System.out.println("checksum " + checksum);
    }

    private static RuleChainBenchmark ruleChain() {
        RuleChainBenchmark chain = new RuleChainBenchmark();
        chain.idpKeyBits = 2048;
        chain.setUp();
        return chain;
    }

    private static AcsParseBenchmark acsParse() {
        AcsParseBenchmark parse = new AcsParseBenchmark();
        parse.setUp();
        return parse;
    }

    private static SignatureCheckBenchmark signatures() {
        SignatureCheckBenchmark signatures = new SignatureCheckBenchmark();
        signatures.idpKeyBits = 2048;
        signatures.setUp();
        return signatures;
    }

    private static AuthnRequestBenchmark authn() {
        AuthnRequestBenchmark authn = new AuthnRequestBenchmark();
        authn.setUp();
        return authn;
    }

    private static void run(Callable<Object> path, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            Object result = path.call();
            checksum += result == null ? 0 : result.hashCode() & 1;
        }
    }

    private static long allocated() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }
}
